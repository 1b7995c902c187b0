using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Auditing;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

public sealed class AuditBehaviorTests
{
    private static readonly Guid TenantId = Guid.CreateVersion7();
    private static readonly CreateApiKeyCommand Create = new("CI", [Scopes.AuditRead], null);
    private static readonly ApiKeyCreatedDto Created =
        new(Guid.CreateVersion7(), "CI", "qk_live_secret", "qk_live_ab", [Scopes.AuditRead], DateTimeOffset.UnixEpoch, null);

    private List<string> _journal = null!;
    private FakeAuditTrail _audit = null!;
    private FakePrincipal _principal = null!;
    private RequestContext _requestContext = null!;

    [SetUp]
    public void SetUp()
    {
        _journal = [];
        _audit = new FakeAuditTrail(_journal);
        _principal = new FakePrincipal { ActorId = "key:0001" };
        _principal.ActAsTenant(TenantId, Scopes.KeysManage);
        _requestContext = new RequestContext { RequestId = "req-7" };
    }

    private Task<TResponse> Run<TRequest, TResponse>(TRequest request, Func<TResponse> handler)
        where TRequest : ICommandBase
        where TResponse : IResult<TResponse> =>
        new AuditBehavior<TRequest, TResponse>(_audit, _principal, _requestContext)
            .Handle(request, CancellationToken.None, () =>
            {
                _journal.Add("handler");
                return Task.FromResult(handler());
            });

    [Test]
    public async Task A_successful_command_appends_a_success_record_after_the_handler()
    {
        Result<ApiKeyCreatedDto> ok = Created;

        var result = await Run(Create, () => ok);

        Assert.That(result, Is.SameAs(ok));
        Assert.That(_journal, Is.EqualTo(new[] { "handler", "audit.append" }));
        Assert.That(_audit.Denied, Is.Empty);
        var record = _audit.Appended.Single();
        Assert.That(record, Is.EqualTo(new AuditRecord(
            TenantId, "key:0001", "api_key.create", "api_key", Created.Id.ToString(), AuditRecord.Success, "req-7", record.TraceId,
            AuditRecords.Summarize(Create))));
    }

    [Test]
    public async Task A_successful_command_without_a_value_is_recorded_against_the_commands_id()
    {
        var command = new RevokeApiKeyCommand(Guid.CreateVersion7());

        await Run(command, () => (Result<Success>)Success.Value);

        var record = _audit.Appended.Single();
        Assert.That(record.ResourceId, Is.EqualTo(command.Id.ToString()));
        Assert.That(record.Action, Is.EqualTo("api_key.revoke"));
    }

    [TestCase(ErrorKind.Validation)]
    [TestCase(ErrorKind.NotFound)]
    [TestCase(ErrorKind.Conflict)]
    [TestCase(ErrorKind.Forbidden)]
    [TestCase(ErrorKind.VersionMismatch)]
    [TestCase(ErrorKind.IdempotencyKeyReused)]
    public async Task A_failed_command_appends_nothing(ErrorKind kind)
    {
        Result<ApiKeyCreatedDto> failure = new Error(kind, "api_key.failed", "It failed.");

        var result = await Run(Create, () => failure);

        Assert.That(result, Is.SameAs(failure));
        Assert.That(_audit.Appended, Is.Empty);
        Assert.That(_audit.Denied, Is.Empty, "denials are the unit of work's to record, after the rollback");
    }

    [Test]
    public void A_command_that_throws_appends_nothing()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Run<CreateApiKeyCommand, Result<ApiKeyCreatedDto>>(Create, () => throw new InvalidOperationException()));

        Assert.That(_audit.Appended, Is.Empty);
    }

}
