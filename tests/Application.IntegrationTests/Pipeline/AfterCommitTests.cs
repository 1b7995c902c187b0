using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Pipeline;

/// <summary>
/// Work queued in <see cref="AfterCommit"/> runs once the command's transaction has committed, never earlier, and
/// never after a rollback. Commands do not nest: a command sent from inside another is refused, as the nested one
/// would otherwise commit half of its caller or run its caller's after-commit work before the commit.
/// </summary>
public sealed class AfterCommitTests : IntegrationTestBase
{
    /// <summary>What the after-commit work saw: whether the command's row was visible to another connection then.</summary>
    private static readonly List<bool> Observed = [];

    [SetUp]
    public void ClearObservations() => Observed.Clear();

    [Test]
    public async Task After_commit_work_runs_once_the_commit_is_visible_to_other_connections()
    {
        var result = await SendAsync(new CreateTenantWithAfterCommitCommand("Acme", SendNested: false));

        ResultAssert.Succeeded(result);
        Assert.That(Observed, Is.EqualTo(new[] { true }));
    }

    [Test]
    public async Task A_command_sent_from_inside_another_is_refused_and_nothing_commits_or_runs_after_commit()
    {
        var nested = Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(new CreateTenantWithAfterCommitCommand("Acme", SendNested: true)));

        Assert.That(nested!.Message, Does.Contain("Commands do not nest"));
        Assert.That(Observed, Is.Empty, "the caller's after-commit work never ran");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM tenants"), Is.Zero, "the caller's write rolled back");
    }

    /// <summary>Creates a tenant, queues work that checks from another connection that the tenant exists, and may send a second command.</summary>
    public sealed record CreateTenantWithAfterCommitCommand(string Name, bool SendNested) : ICommand<Success>;

    public sealed class CreateTenantWithAfterCommitHandler(
        ITenantRepository tenants, AfterCommit afterCommit, IMediator mediator, TimeProvider clock)
        : ICommandHandler<CreateTenantWithAfterCommitCommand, Success>
    {
        public async Task<Result<Success>> Handle(CreateTenantWithAfterCommitCommand request, CancellationToken cancellationToken)
        {
#if (IncludeRatePlans)
            var tenant = Tenant.Create(request.Name, RatePlan.Free, clock.GetUtcNow());
#else
            var tenant = Tenant.Create(request.Name, clock.GetUtcNow());
#endif
            tenants.Add(tenant);
            afterCommit.Add(async ct => Observed.Add(await IsVisibleElsewhereAsync(tenant.Id, ct)));

            if (request.SendNested)
            {
                await mediator.Send(new CreateTenantWithAfterCommitCommand(request.Name + " (nested)", SendNested: false), cancellationToken);
            }

            return Success.Value;
        }

        private static async Task<bool> IsVisibleElsewhereAsync(Guid tenantId, CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM tenants WHERE id = $1", connection) { Parameters = { new() { Value = tenantId } } };
            return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
        }
    }
}
