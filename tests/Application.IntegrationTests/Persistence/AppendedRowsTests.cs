using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Common;
#if (IncludeEvents)
using QuoinApi.Domain.Events;
#endif
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Application.IntegrationTests.Persistence;

/// <summary>
/// Audit entries and outbox events are appended to the save's batch untracked (ADR 0017), on real PostgreSQL: they
/// commit with the change in its one batch, and a save with no change of its own, or too large to append to, still
/// writes every one of them.
/// </summary>
public sealed class AppendedRowsTests : IntegrationTestBase
{
    [Test]
    public async Task A_command_s_audit_entry_and_event_ride_its_batch_without_being_tracked()
    {
        var tenant = await CreateTenantAsync();
        using var recorder = new EfCoreEvents();

        var (key, trackedAudit, trackedEvents, trackedKeys) = await AsCallerAsync(tenant, async services =>
        {
            var key = ResultAssert.Succeeded(await services.GetRequiredService<MediatR.IMediator>()
                .Send(new CreateApiKeyCommand("ci", [Scopes.AuditRead], null)));
            var tracker = services.GetRequiredService<QuoinDbContext>().ChangeTracker;
#if (IncludeEvents)
            var events = tracker.Entries<EventLogEntry>().Count();
#else
            var events = 0;
#endif
            return (key, tracker.Entries<AuditEntry>().Count(), events, tracker.Entries<Domain.ApiKeys.ApiKey>().Count());
        });

        Assert.Multiple(async () =>
        {
            Assert.That(trackedKeys, Is.EqualTo(1), "the change itself is tracked");
            Assert.That(trackedAudit + trackedEvents, Is.Zero, "the audit entry and the event are not");
            Assert.That(recorder.WriteBatches, Is.EqualTo(1), "all of it in one round trip");
            Assert.That(
                await Database.ScalarAsync<string>(
                    "SELECT concat_ws('|', a.tenant_id, a.actor, a.action, a.resource_type, a.outcome, a.sequence IS NULL, " +
                    "k.xmin::text::bigint = a.tx_id::text::bigint % 4294967296) " +
                    "FROM audit_log a JOIN api_keys k ON a.resource_id = k.id::text WHERE k.id = $1", key.Id),
                Is.EqualTo($"{tenant}|test-actor|api_key.create|api_key|success|t|t"),
                "every column as recorded, unsealed, written by the key's own transaction");
#if (IncludeEvents)
            Assert.That(
                await Database.ScalarAsync<string>(
                    "SELECT concat_ws('|', e.tenant_id, e.type, e.data->>'id', e.position IS NULL) " +
                    "FROM events e JOIN api_keys k ON k.xmin::text::bigint = e.tx_id::text::bigint % 4294967296 WHERE k.id = $1", key.Id),
                Is.EqualTo($"{tenant}|api_key.created|{key.Id}|t"),
                "the event, unpublished, in the same transaction");
#endif
        });
    }

    [Test]
    public async Task An_audited_unit_of_work_with_no_change_of_its_own_still_writes_its_entry()
    {
        var tenant = await CreateTenantAsync();
        using var recorder = new EfCoreEvents();

        await AppendInOneCommandAsync(tenant, entries: 1, action: "test.nothing-changed");

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("test.nothing-changed"), Is.EqualTo(1));
            Assert.That(recorder.WriteBatches, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_save_too_large_to_append_to_writes_every_row_with_its_change_in_one_transaction()
    {
        var tenant = await CreateTenantAsync();
        const int entries = 150; // more than AppendedRowsInterceptor.MaxRowsForAppending

        var trackedAudit = await AsCallerAsync(tenant, async services =>
        {
            var transactions = services.GetRequiredService<ITransactionManager>();
            var audit = services.GetRequiredService<IAuditTrail>();
            var tenants = services.GetRequiredService<ITenantRepository>();
            await using var transaction = await transactions.BeginAsync(CancellationToken.None);
#if (IncludeRatePlans)
            tenants.Add(Domain.Tenants.Tenant.Create("Second", Domain.Tenants.RatePlan.Free, Clock.GetUtcNow()));
#else
            tenants.Add(Domain.Tenants.Tenant.Create("Second", Clock.GetUtcNow()));
#endif
            for (var i = 0; i < entries; i++)
            {
                await audit.AppendAsync(Record(tenant, "test.large", i), CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            return services.GetRequiredService<QuoinDbContext>().ChangeTracker.Entries<AuditEntry>().Count();
        });

        Assert.Multiple(async () =>
        {
            Assert.That(trackedAudit, Is.EqualTo(entries), "tracked as ordinary inserts");
            Assert.That(await CountAsync("test.large"), Is.EqualTo(entries));
            Assert.That(
                await Database.ScalarAsync<long>(
                    "SELECT count(DISTINCT a.tx_id) FROM audit_log a WHERE a.action = 'test.large' " +
                    "AND a.tx_id::text::bigint % 4294967296 = (SELECT xmin::text::bigint FROM tenants WHERE name = 'Second')"),
                Is.EqualTo(1), "all of them in the tenant's transaction");
        });
    }

    [Test]
    public async Task Rows_of_a_unit_of_work_that_never_commits_are_not_written_by_the_next_one()
    {
        var tenant = await CreateTenantAsync();

        // The same pooled context serves the next scope when it is the only one idle; whichever serves it, the rows the
        // abandoned unit of work appended must not ride the next save.
        await AsCallerAsync(tenant, async services =>
        {
            await using var transaction = await services.GetRequiredService<ITransactionManager>().BeginAsync(CancellationToken.None);
            await services.GetRequiredService<IAuditTrail>().AppendAsync(Record(tenant, "test.abandoned", 0), CancellationToken.None);
            return 0;
        });
        await AppendInOneCommandAsync(tenant, entries: 1, action: "test.next");

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("test.abandoned"), Is.Zero);
            Assert.That(await CountAsync("test.next"), Is.EqualTo(1));
        });
    }

    private static Task<int> AppendInOneCommandAsync(Guid tenant, int entries, string action) =>
        AsCallerAsync(tenant, async services =>
        {
            var audit = services.GetRequiredService<IAuditTrail>();
            await using var transaction = await services.GetRequiredService<ITransactionManager>().BeginAsync(CancellationToken.None);
            for (var i = 0; i < entries; i++)
            {
                await audit.AppendAsync(Record(tenant, action, i), CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            return 0;
        });

    private static AuditRecord Record(Guid tenant, string action, int resource) =>
        new(tenant, "test-actor", action, "test", resource.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditRecord.Success, null, null, "{}");

    private static Task<long> CountAsync(string action) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = $1", action);
}
