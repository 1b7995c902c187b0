using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Exceptions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

public sealed class UnitOfWorkBehaviorTests
{
    private static readonly Guid TenantId = Guid.CreateVersion7();

    private List<string> _journal = null!;
    private FakeTransactionManager _transactions = null!;
    private FakeAuditTrail _audit = null!;
    private FakePrincipal _principal = null!;
    private AfterCommit _afterCommit = null!;
    private RequestContext _requestContext = null!;
    private ExpectedConflicts _conflicts = null!;

    [SetUp]
    public void SetUp()
    {
        _journal = [];
        _transactions = new FakeTransactionManager(_journal);
        _audit = new FakeAuditTrail(_journal);
        _principal = new FakePrincipal { ActorId = "key:0001" };
        _principal.ActAsTenant(TenantId);
        _requestContext = new RequestContext { RequestId = "req-42" };
        _afterCommit = new AfterCommit();
        _conflicts = new ExpectedConflicts();
    }

    [Test]
    public async Task Post_commit_work_runs_after_the_commit_and_only_when_the_command_succeeded()
    {
        var succeeded = await Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _afterCommit.Add(_ => { _journal.Add("after-commit"); return Task.CompletedTask; });
            return Result<Success>.Ok(Success.Value);
        });
        var failed = await Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _afterCommit.Add(_ => { _journal.Add("after-failed"); return Task.CompletedTask; });
            return Result<Success>.Failure(Error.NotFound("api_key"));
        });

        ResultAssert.Succeeded(succeeded);
        ResultAssert.Failed(failed, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(_journal.IndexOf("after-commit"), Is.GreaterThan(_journal.IndexOf("commit")));
        Assert.That(_journal, Does.Not.Contain("after-failed"), "A rolled-back command's post-commit work is dropped.");
    }

    [Test]
    public async Task A_failing_post_commit_action_does_not_fail_the_committed_command()
    {
        var result = await Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _afterCommit.Add(_ => throw new InvalidOperationException("cache down"));
            return Result<Success>.Ok(Success.Value);
        });

        ResultAssert.Succeeded(result);
    }

    private Task<TResponse> Run<TRequest, TResponse>(TRequest request, Func<TResponse> handler)
        where TRequest : ICommandBase
        where TResponse : IResult<TResponse> =>
        new UnitOfWorkBehavior<TRequest, TResponse>(_transactions, _audit, _principal, _requestContext, _afterCommit, _conflicts,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<UnitOfWorkBehavior<TRequest, TResponse>>.Instance)
            .Handle(request, CancellationToken.None, () =>
            {
                _journal.Add("handler");
                return Task.FromResult(handler());
            });

    private Task<Result<Success>> Revoke(RevokeApiKeyCommand command, Result<Success> outcome) => Run(command, () => outcome);

    [Test]
    public async Task A_successful_command_commits_its_transaction_once_then_disposes_it()
    {
        Result<Success> ok = Success.Value;

        var result = await Revoke(new RevokeApiKeyCommand(Guid.CreateVersion7()), ok);

        var transaction = _transactions.Transactions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(ok));
            Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "commit", "dispose" }));
            Assert.That(transaction.CommitCalls, Is.EqualTo(1));
            Assert.That(transaction.DisposeCalls, Is.EqualTo(1));
            Assert.That(_audit.Denied, Is.Empty);
        }
    }

    [TestCase(ErrorKind.Validation)]
    [TestCase(ErrorKind.NotFound)]
    [TestCase(ErrorKind.Conflict)]
    [TestCase(ErrorKind.VersionMismatch)]
    [TestCase(ErrorKind.IdempotencyKeyReused)]
    public async Task A_failed_command_rolls_back_and_is_not_audited(ErrorKind kind)
    {
        Result<Success> failure = new Error(kind, "api_key.failed", "It failed.");

        var result = await Revoke(new RevokeApiKeyCommand(Guid.CreateVersion7()), failure);

        var transaction = _transactions.Transactions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(failure));
            Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "dispose" }));
            Assert.That(transaction.RolledBack, Is.True);
            Assert.That(_audit.Appended, Is.Empty);
            Assert.That(_audit.Denied, Is.Empty);
        }
    }

    [Test]
    public async Task A_forbidden_command_rolls_back_then_appends_a_denied_record_in_its_own_transaction()
    {
        var command = new RevokeApiKeyCommand(Guid.CreateVersion7());
        Result<Success> forbidden = Error.Forbidden("api_key.tenant_required", "Only a tenant's credentials can manage that tenant's keys.");

        var result = await Revoke(command, forbidden);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(forbidden));
            Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "dispose", "audit.denied" }),
                "the denial is appended after the command's transaction rolled back");
            Assert.That(_transactions.Transactions.Single().RolledBack, Is.True);
            Assert.That(_audit.Appended, Is.Empty);
        }

        var record = _audit.Denied.Single();
        Assert.That(record, Is.EqualTo(new AuditRecord(
            TenantId, "key:0001", "api_key.revoke", "api_key", command.Id.ToString(), AuditRecord.Denied, "req-42", record.TraceId, AuditRecords.Summarize(command))));
    }

    [Test]
    public async Task A_denied_record_of_an_anonymous_caller_without_a_tenant_names_no_tenant()
    {
        _principal.ActorId = null;
        _principal.TenantId = null;

        await Revoke(new RevokeApiKeyCommand(Guid.CreateVersion7()), Error.Forbidden("api_key.tenant_required", "No."));

        var record = _audit.Denied.Single();
        Assert.That(record.TenantId, Is.Null);
        Assert.That(record.Actor, Is.EqualTo("anonymous"));
    }

    [Test]
    public void An_exception_from_the_handler_disposes_the_transaction_without_commit_and_propagates()
    {
        var thrown = new TimeoutException("database gone");

        var caught = Assert.ThrowsAsync<TimeoutException>(() => Run<RevokeApiKeyCommand, Result<Success>>(
            new RevokeApiKeyCommand(Guid.CreateVersion7()), () => throw thrown));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(caught, Is.SameAs(thrown));
            Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "dispose" }));
            Assert.That(_transactions.Transactions.Single().RolledBack, Is.True);
            Assert.That(_audit.Denied, Is.Empty);
        }
    }

    /// <summary>A unique rule a handler names (a constant of its feature), and the error it stands for.</summary>
    private const string LiveCode = "ix_items_tenant_id_code";

    private static Error CodeInUse(string code) => Error.Conflict("item.code_in_use", $"An item with code '{code}' exists.");

    [Test]
    public async Task A_unique_rule_the_handler_named_refusing_the_commit_is_the_named_error_with_nothing_after_commit()
    {
        _transactions.CommitFailure = new UniqueConstraintException(LiveCode, new InvalidOperationException("23505"));
        var codeInUse = CodeInUse("A-1");

        var result = await Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _conflicts.Expect(LiveCode, codeInUse);
            _afterCommit.Add(_ => { _journal.Add("after-commit"); return Task.CompletedTask; });
            return Result<Success>.Ok(Success.Value);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ResultAssert.Failed(result, ErrorKind.Conflict, "item.code_in_use"), Is.SameAs(codeInUse));
            Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "commit refused", "dispose" }));
            Assert.That(_transactions.Transactions.Single().RolledBack, Is.True);
            Assert.That(_audit.Denied, Is.Empty);
        }
    }

    [Test]
    public void A_unique_rule_no_handler_named_propagates_and_drops_the_after_commit_work()
    {
        var refused = new UniqueConstraintException("ix_some_other_rule", new InvalidOperationException("23505"));
        _transactions.CommitFailure = refused;

        var caught = Assert.ThrowsAsync<UniqueConstraintException>(() => Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _conflicts.Expect(LiveCode, CodeInUse("A-1"));
            _afterCommit.Add(_ => { _journal.Add("after-commit"); return Task.CompletedTask; });
            return Result<Success>.Ok(Success.Value);
        }));

        Assert.That(caught, Is.SameAs(refused), "the exception handler answers it as a generic conflict");
        Assert.That(_journal, Is.EqualTo(new[] { "begin", "handler", "commit refused", "dispose" }));
    }

    [Test]
    public void A_commit_the_store_cannot_take_propagates_and_nothing_runs_after_it()
    {
        _transactions.CommitFailure = new TimeoutException("database gone");

        Assert.ThrowsAsync<TimeoutException>(() => Run(new RevokeApiKeyCommand(Guid.CreateVersion7()), () =>
        {
            _afterCommit.Add(_ => { _journal.Add("after-commit"); return Task.CompletedTask; });
            return Result<Success>.Ok(Success.Value);
        }));

        Assert.That(_journal, Does.Not.Contain("after-commit"), "cache evictions of a command that did not commit never run");
        Assert.That(_transactions.Transactions.Single().RolledBack, Is.True);
    }

    [Test]
    public async Task Each_command_gets_a_transaction_of_its_own()
    {
        await Revoke(new RevokeApiKeyCommand(Guid.CreateVersion7()), Success.Value);
        await Revoke(new RevokeApiKeyCommand(Guid.CreateVersion7()), Error.NotFound("api_key"));

        Assert.That(_transactions.Transactions.Select(t => t.Committed), Is.EqualTo(new[] { true, false }));
        Assert.That(_transactions.Transactions.Select(t => t.DisposeCalls), Is.EqualTo(new[] { 1, 1 }));
    }
}
