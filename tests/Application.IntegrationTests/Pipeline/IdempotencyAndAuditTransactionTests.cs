using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuoinApi.Application.ApiKeys.CreateApiKey;
#if (IncludeProducts)
using QuoinApi.Application.Products.CreateProduct;
#endif
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Idempotency;

namespace QuoinApi.Application.IntegrationTests.Pipeline;

/// <summary>
/// The idempotency claim, the command's effects and the audit entry commit together or not at all. The vehicle is a
/// command of the core (creating an API key), which every solution the template generates has.
/// </summary>
public sealed class IdempotencyAndAuditTransactionTests : IntegrationTestBase
{
    private static CreateApiKeyCommand Key(string name) => new(name, [Scopes.AuditRead], null);

    private static Task<long> SuccessfulCreatesAsync(Guid tenant) =>
        Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'api_key.create' AND outcome = 'success' AND tenant_id = $1", tenant);

    [Test]
    public async Task A_successful_keyed_command_commits_its_effect_its_key_and_its_audit_entry()
    {
        var tenant = await CreateTenantAsync();

        var result = await SendWithKeyAsync(Key("TX-1"), "tx-key", tenant);

        ResultAssert.Succeeded(result);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name = 'TX-1'"), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys WHERE key = 'tx-key'"), Is.EqualTo(1));
        Assert.That(await SuccessfulCreatesAsync(tenant), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_keyed_command_leaves_no_key_no_effect_and_no_success_entry()
    {
        var tenant = await CreateTenantAsync();
        await SendAsync(Key("FIRST"), tenant);

        // The caller lacks the scope it asks to grant: refused inside the transaction the claim opened.
        var result = await SendWithKeyAsync(Key("ESCALATING"), "failing-key", tenant, Scopes.KeysManage);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "api_key.scope_escalation");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys"), Is.Zero, "The claim rolled back.");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name = 'ESCALATING'"), Is.Zero);
        Assert.That(await SuccessfulCreatesAsync(tenant), Is.EqualTo(1), "Only the first, committed create.");
    }

    [Test]
    public async Task A_replay_changes_nothing_and_appends_no_audit_entry()
    {
        var tenant = await CreateTenantAsync();
        var first = await SendWithKeyAsync(Key("ONCE"), "once-key", tenant);

        var replay = await SendWithKeyAsync(Key("ONCE"), "once-key", tenant);

        Assert.That(replay.Value.Id, Is.EqualTo(first.Value.Id));
        Assert.That(replay.Value.Key, Is.EqualTo(first.Value.Key), "The stored DTO, its one-time secret included.");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name = 'ONCE'"), Is.EqualTo(1));
        Assert.That(await SuccessfulCreatesAsync(tenant), Is.EqualTo(1));
    }

#if (IncludeProducts)
    [Test]
    public async Task A_replayed_product_comes_back_with_its_row_version()
    {
        var tenant = await CreateTenantAsync();
        var command = new CreateProductCommand("ONCE", "Widget", null, 1m, "EUR", []);
        var first = await SendWithKeyAsync(command, "once-key", tenant);

        var replay = await SendWithKeyAsync(command, "once-key", tenant);

        Assert.That(replay.Value.Id, Is.EqualTo(first.Value.Id));
        Assert.That(replay.Value.Version, Is.EqualTo(first.Value.Version), "The stored DTO, row version included.");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM products"), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'product.create' AND tenant_id = $1", tenant), Is.EqualTo(1));
    }

#endif
    [Test]
    public async Task Expired_keys_are_purged_and_live_ones_kept()
    {
        var tenant = await CreateTenantAsync();
        await SendWithKeyAsync(Key("OLD"), "old-key", tenant);
        Clock.Advance(TimeSpan.FromHours(25));
        await SendWithKeyAsync(Key("NEW"), "new-key", tenant);
        var purger = IntegrationTestSetup.Services.GetServices<IHostedService>().OfType<IdempotencyPurgeService>().Single();

        var purged = await purger.PurgeAsync(CancellationToken.None);

        Assert.That(purged, Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<string>("SELECT string_agg(key, ',') FROM idempotency_keys"), Is.EqualTo("new-key"));
    }

    [Test]
    public async Task Audit_sequences_stay_gap_free_under_concurrent_commands()
    {
        var tenant = await CreateTenantAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => SendAsync(Key($"PAR-{i}"), tenant)));
        await SealAuditAsync();

        var sequences = await Database.ScalarAsync<long[]>("SELECT array_agg(sequence ORDER BY sequence) FROM audit_log WHERE tenant_id = $1", tenant);
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, 12).Select(i => (long)i).ToArray()));
    }
}
