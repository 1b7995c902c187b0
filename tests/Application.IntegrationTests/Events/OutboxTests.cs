using System.Text.Json.Nodes;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
#if (IncludeProducts)
using QuoinApi.Application.Products.CreateProduct;
#endif
using QuoinApi.Domain.Common;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Events;

/// <summary>
/// Domain events become outbox rows in the transaction of the change that raised them: committed with it, written
/// once however often the command saves, and not at all when it rolls back. Mostly on API keys' events, which every
/// solution the template generates has (a tenant's creation raises its owner key's <c>api_key.created</c>).
/// </summary>
public sealed class OutboxTests : IntegrationTestBase
{
    private static CreateApiKeyCommand Key(string name) => new(name, [Scopes.AuditRead], null);

    private static Task<string[]> TypesAsync(Guid tenant) =>
        Database.ScalarAsync<string[]>("SELECT coalesce(array_agg(type ORDER BY tx_id, id), '{}') FROM events WHERE tenant_id = $1", tenant)!;

    [Test]
    public async Task A_created_api_key_writes_its_event_in_the_same_transaction_without_its_secret()
    {
        var tenant = await CreateTenantAsync();
        var key = ResultAssert.Succeeded(await SendAsync(Key("OUT-1"), tenant));

        var sameTransaction = await Database.ScalarAsync<bool>(
            "SELECT e.tx_id = a.tx_id FROM events e, audit_log a WHERE e.type = 'api_key.created' AND e.data->>'id' = $1 AND a.resource_id = $1", key.Id.ToString());
        var text = (await Database.ScalarAsync<string>("SELECT data::text FROM events WHERE data->>'id' = $1", key.Id.ToString()))!;
        var data = JsonNode.Parse(text)!;
        var unpublished = await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE position IS NULL AND data->>'id' = $1", key.Id.ToString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sameTransaction, Is.True, "the event row was written by the command's own transaction");
            Assert.That(unpublished, Is.EqualTo(1), "nothing is published before the relay runs");
            Assert.That(data["name"]!.GetValue<string>(), Is.EqualTo("OUT-1"));
            Assert.That(data["scopes"]!.ToJsonString(), Is.EqualTo("""["audit:read"]"""));
            Assert.That(data["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), "the API's timestamp format");
            Assert.That(text, Does.Not.Contain(key.Key), "never the secret");
        }
    }

#if (IncludeProducts)
    [Test]
    public async Task A_created_product_writes_its_event_in_the_same_transaction_with_the_v2_representation()
    {
        var tenant = await CreateTenantAsync();
        var product = ResultAssert.Succeeded(await SendAsync(new CreateProductCommand("OUT-1", "Widget", "Blue", 12.5m, "EUR", ["tools"]), tenant));

        var sameTransaction = await Database.ScalarAsync<bool>(
            "SELECT e.tx_id = a.tx_id FROM events e, audit_log a WHERE e.type = 'product.created' AND a.resource_id = $1", product.Id.ToString());
        var data = JsonNode.Parse((await Database.ScalarAsync<string>("SELECT data::text FROM events WHERE type = 'product.created'"))!)!;
        var unpublished = await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE position IS NULL AND type = 'product.created'");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sameTransaction, Is.True, "the event row was written by the command's own transaction");
            Assert.That(unpublished, Is.EqualTo(1), "nothing is published before the relay runs");
            Assert.That(data["id"]!.GetValue<string>(), Is.EqualTo(product.Id.ToString()));
            Assert.That(data["sku"]!.GetValue<string>(), Is.EqualTo("OUT-1"));
            Assert.That(data["price"]!["amountMinor"]!.GetValue<long>(), Is.EqualTo(1250));
            Assert.That(data["price"]!["currency"]!.GetValue<string>(), Is.EqualTo("EUR"));
            Assert.That(data["createdAt"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"), "the API's timestamp format");
            Assert.That(data["version"], Is.Null, "the v2 representation carries no version (that is the ETag)");
        }
    }

#endif
    [Test]
    public async Task A_rolled_back_command_writes_no_event()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(Key("FIRST"), tenant));

        // The caller lacks the scope it asks to grant: refused, and the transaction rolls back.
        var refused = await SendAsync(Key("ESCALATING"), tenant, Scopes.KeysManage);

        Assert.That(refused.IsSuccess, Is.False);
        Assert.That(await TypesAsync(tenant), Is.EqualTo(new[] { "api_key.created", "api_key.created" }), "the owner key's and FIRST's events only");
    }

#if (IncludeProducts)
    [Test]
    public async Task A_command_whose_commit_is_refused_writes_no_event()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(new CreateProductCommand("TWICE", "Widget", null, 1m, "EUR", []), tenant));
        var clash = await SendAsync(new CreateProductCommand("TWICE", "Widget", null, 1m, "EUR", []), tenant);

        Assert.That(clash.IsSuccess, Is.False);
        Assert.That(await TypesAsync(tenant), Is.EqualTo(new[] { "api_key.created", "product.created" }), "only the committed product's event");
    }

#endif
    [Test]
    public async Task Each_event_is_written_once_when_the_command_saves_more_than_once()
    {
        var tenant = await CreateTenantAsync();

        // The handler saves, then the commit saves again (idempotency record, audit entry).
        var keyed = ResultAssert.Succeeded(await SendWithKeyAsync(Key("KEYED"), "key-1", tenant));
        ResultAssert.Succeeded(await SendAsync(new RevokeApiKeyCommand(keyed.Id), tenant));
        var key = ResultAssert.Succeeded(await SendAsync(Key("ci"), tenant));
        ResultAssert.Succeeded(await SendAsync(new RotateApiKeyCommand(key.Id, 60), tenant));

        Assert.That(await TypesAsync(tenant), Is.EqualTo(new[]
        {
            "api_key.created", "api_key.created", "api_key.revoked", "api_key.created", "api_key.created", "api_key.rotated",
        }).AsCollection.Or.EqualTo(new[]
        {
            "api_key.created", "api_key.created", "api_key.revoked", "api_key.created", "api_key.rotated", "api_key.created",
        }));
    }
}
