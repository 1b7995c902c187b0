using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuoinApi.Application.Audit.VerifyAuditLog;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Infrastructure;
using QuoinApi.Infrastructure.Auditing;

namespace QuoinApi.Application.IntegrationTests.Audit;

/// <summary>
/// The audit sealer on real PostgreSQL: writers never wait for each other, and the chain still comes out gap-free,
/// valid and in commit order, whatever the concurrency, crashes or number of sealers.
/// </summary>
public sealed class AuditSealerTests : IntegrationTestBase
{
    private static CreateApiKeyCommand Key(string name) => new(name, [Domain.Common.Scopes.AuditRead], null);

    private static async Task<AuditVerification> VerifyAsync(Guid tenant) =>
        (await SendAsync(new VerifyAuditLogQuery(), tenant)).Value;

    private static Task<long[]> SequencesAsync(Guid tenant) =>
        Database.ScalarAsync<long[]>("SELECT array_agg(sequence ORDER BY sequence) FROM audit_log WHERE tenant_id = $1", tenant)!;

    private static long[] OneTo(int count) => [.. Enumerable.Range(1, count).Select(i => (long)i)];

    [Test]
    public async Task Commands_record_entries_that_wait_unsealed_until_the_sealer_runs()
    {
        var tenant = await CreateTenantAsync();
        await SendAsync(Key("WAIT-1"), tenant);

        var before = await VerifyAsync(tenant);
        await SealAuditAsync();
        var after = await VerifyAsync(tenant);

        Assert.That(before, Is.EqualTo(new AuditVerification(true, 0, null, 1)));
        Assert.That(after, Is.EqualTo(new AuditVerification(true, 1, null, 0)));
    }

    [Test]
    public async Task Thirty_two_concurrent_writers_on_one_tenant_make_one_gap_free_valid_chain()
    {
        var tenant = await CreateTenantAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => SendAsync(Key($"W-{i}"), tenant)));
        await SealAuditAsync();

        Assert.That(results.All(r => r.IsSuccess), Is.True);
        Assert.That(await SequencesAsync(tenant), Is.EqualTo(OneTo(32)));
        Assert.That(await VerifyAsync(tenant), Is.EqualTo(new AuditVerification(true, 32, null, 0)));
        Assert.That(await Database.ScalarAsync<long>("SELECT sequence FROM audit_chain_heads WHERE chain = $1", tenant), Is.EqualTo(32));
    }

    [Test]
    public async Task An_open_transaction_holds_back_sealing_and_its_entry_keeps_its_place_in_transaction_order()
    {
        var tenant = await CreateTenantAsync();

        // A transaction that writes its entry first but commits last: nothing after it may be sealed while it is open
        // (it could still commit), and once it commits its entry takes its place before the later transaction's.
        await using var late = await Database.DataSource.OpenConnectionAsync();
        await using var transaction = await late.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO audit_log (id, tenant_id, occurred_at, actor, action, resource_type, outcome, changes)
            VALUES (gen_random_uuid(), $1, now(), 'test', 'late.commit', 'test', 'success', '{}')
            """, late, transaction))
        {
            insert.Parameters.AddWithValue(tenant);
            await insert.ExecuteNonQueryAsync();
        }

        await SendAsync(Key("EARLY-1"), tenant);
        await IntegrationTestSetup.Services.GetRequiredService<AuditSealer>().SealCommittedAsync(CancellationToken.None);
        var sealedWhileOpen = await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND sequence IS NOT NULL", tenant);
        await transaction.CommitAsync();
        await SealAuditAsync();

        Assert.That(sealedWhileOpen, Is.Zero, "Nothing above an open transaction is sealed: it could still commit before it.");
        Assert.That(
            await Database.ScalarAsync<string>("SELECT string_agg(action, ',' ORDER BY sequence) FROM audit_log WHERE tenant_id = $1", tenant),
            Is.EqualTo("late.commit,api_key.create"));
        Assert.That((await VerifyAsync(tenant)).Valid, Is.True);
    }

    [Test]
    public async Task A_sealer_killed_mid_batch_leaves_nothing_half_done_and_the_next_one_resumes()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 6; i++)
        {
            await SendAsync(Key($"K-{i}"), tenant);
        }

        // The commit horizon is the cluster's: a transaction open in another database (a parallel test project) can hold
        // these entries back for a moment, and the batch below must have them to seal.
        for (var wait = 0; wait < 300 && await Database.ScalarAsync<long>(
                 "SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND tx_id < pg_snapshot_xmin(pg_current_snapshot())", tenant) < 6; wait++)
        {
            await Task.Delay(50);
        }

        // Hold the batch inside its final write, then kill its connection, as a crash or kill -9 would.
        await Database.ScalarAsync<int>(
            """
            CREATE FUNCTION stall_sealer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$;
            CREATE TRIGGER stall_sealer BEFORE INSERT OR UPDATE ON audit_chain_heads FOR EACH ROW EXECUTE FUNCTION stall_sealer();
            SELECT 1
            """);
        try
        {
            var sealer = IntegrationTestSetup.Services.GetRequiredService<AuditSealer>();
            var stalled = sealer.SealBatchAsync(CancellationToken.None);
            var killed = 0;
            for (var attempt = 0; attempt < 200 && killed == 0; attempt++)
            {
                await Task.Delay(25);
                killed = await Database.ScalarAsync<int>(
                    """
                    WITH sealer AS MATERIALIZED (
                        SELECT pid FROM pg_stat_activity
                        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%audit_chain_heads%')
                    SELECT count(*)::int FROM sealer WHERE pg_terminate_backend(pid)
                    """);
            }

            Assert.That(killed, Is.EqualTo(1), "The sealer's batch was caught mid-write and killed.");
            Assert.That(async () => await stalled, Throws.InstanceOf<Exception>());
            Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE tenant_id = $1 AND sequence IS NOT NULL", tenant), Is.Zero,
                "The killed batch rolled back whole.");
        }
        finally
        {
            await Database.ScalarAsync<int>("DROP TRIGGER stall_sealer ON audit_chain_heads; DROP FUNCTION stall_sealer(); SELECT 1");
        }

        await SealAuditAsync();

        Assert.That(await SequencesAsync(tenant), Is.EqualTo(OneTo(6)));
        Assert.That(await VerifyAsync(tenant), Is.EqualTo(new AuditVerification(true, 6, null, 0)));
    }

    [Test]
    public async Task The_sealer_keeps_sealing_while_requests_hold_every_connection_of_their_pool()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(Key("BUSY-1"), tenant));
        var requests = IntegrationTestSetup.Services.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKeys.Primary);
        var poolSize = new NpgsqlConnectionStringBuilder(requests.ConnectionString).MaxPoolSize;
        var held = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < poolSize; i++)
            {
                held.Add(await requests.OpenConnectionAsync());
            }

            // The workers' pool is their own (ADR 0005): on the request pool this would wait for a connection and time out.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var sealedCount = await IntegrationTestSetup.Services.GetRequiredService<AuditSealer>().SealCommittedAsync(timeout.Token);

            Assert.That(sealedCount, Is.GreaterThanOrEqualTo(1));
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        Assert.That((await VerifyAsync(tenant)).Pending, Is.Zero);
    }

    [Test]
    public async Task Two_sealers_at_once_still_make_one_chain_with_each_entry_sealed_once()
    {
        var tenant = await CreateTenantAsync();
        await using var otherInstance = OtherInstance();
        var sealers = new[] { IntegrationTestSetup.Services.GetRequiredService<AuditSealer>(), otherInstance.GetRequiredService<AuditSealer>() };
        var contended = await RunSideBySideAsync(
            sealers.Select(sealer => (Func<Task<int>>)(() => sealer.SealBatchAsync(CancellationToken.None))),
            () => Task.WhenAll(Enumerable.Range(0, 40).Select(i => SendAsync(Key($"TWO-{i}"), tenant))));
        await SealAuditAsync(sealers[1]);

        Assert.That(await SequencesAsync(tenant), Is.EqualTo(OneTo(40)));
        Assert.That(await VerifyAsync(tenant), Is.EqualTo(new AuditVerification(true, 40, null, 0)));
        Assert.That(contended, Is.GreaterThan(0), "The two sealers did run at the same time and one stood back.");
    }

    [Test]
    public async Task Edited_deleted_and_inserted_sealed_rows_are_detected()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            await SendAsync(Key($"T-{i}"), tenant);
        }

        await SealAuditAsync();
        var valid = await VerifyAsync(tenant);

        await Database.ScalarAsync<int>("UPDATE audit_log SET actor = 'someone-else' WHERE tenant_id = $1 AND sequence = 4 RETURNING 1", tenant);
        var edited = await VerifyAsync(tenant);
        await Database.ScalarAsync<int>("UPDATE audit_log SET actor = 'test-actor' WHERE tenant_id = $1 AND sequence = 4 RETURNING 1", tenant);

        await Database.ScalarAsync<int>(
            """
            INSERT INTO audit_log (id, tenant_id, sequence, occurred_at, actor, action, resource_type, outcome, changes, previous_hash, hash)
            SELECT gen_random_uuid(), tenant_id, 6, occurred_at, actor, 'api_key.revoke', resource_type, outcome, changes, hash, hash
            FROM audit_log WHERE tenant_id = $1 AND sequence = 5 RETURNING 1
            """, tenant);
        var inserted = await VerifyAsync(tenant);
        await Database.ScalarAsync<int>("DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = 6 RETURNING 1", tenant);

        await Database.ScalarAsync<int>("DELETE FROM audit_log WHERE tenant_id = $1 AND sequence = 2 RETURNING 1", tenant);
        var deleted = await VerifyAsync(tenant);

        Assert.That(valid, Is.EqualTo(new AuditVerification(true, 5, null, 0)));
        Assert.That(edited, Is.EqualTo(new AuditVerification(false, 5, 4, 0)));
        Assert.That(inserted, Is.EqualTo(new AuditVerification(false, 6, 6, 0)));
        Assert.That(deleted, Is.EqualTo(new AuditVerification(false, 4, 2, 0)));
    }

    /// <summary>A second API instance: its own container, pools and sealer, on the same database.</summary>
    private static ServiceProvider OtherInstance()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
