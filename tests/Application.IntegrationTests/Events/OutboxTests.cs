using System.Text.Json.Nodes;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Events;

/// <summary>
/// Domain events become outbox rows in the transaction of the change that raised them: committed with it, written
/// once however often the command saves, and not at all when it rolls back.
/// </summary>
public sealed class OutboxTests : IntegrationTestBase
{
    private static CreateProductCommand Product(string sku) => new(sku, "Widget", "Blue", 12.5m, "EUR", ["tools"]);

    private static Task<string[]> TypesAsync(Guid tenant) =>
        Database.ScalarAsync<string[]>("SELECT coalesce(array_agg(type ORDER BY tx_id, id), '{}') FROM events WHERE tenant_id = $1", tenant)!;

    [Test]
    public async Task A_created_product_writes_its_event_in_the_same_transaction_with_the_v2_representation()
    {
        var tenant = await CreateTenantAsync();
        var product = ResultAssert.Succeeded(await SendAsync(Product("OUT-1"), tenant));

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

    [Test]
    public async Task A_rolled_back_command_writes_no_event()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(Product("TWICE"), tenant));
        var clash = await SendAsync(Product("TWICE"), tenant);

        Assert.That(clash.IsSuccess, Is.False);
        Assert.That(await TypesAsync(tenant), Is.EqualTo(new[] { "api_key.created", "product.created" }), "only the committed product's event");
    }

    [Test]
    public async Task Each_event_is_written_once_when_the_command_saves_more_than_once()
    {
        var tenant = await CreateTenantAsync();

        // The handler saves, then the commit saves again (idempotency record, audit entry).
        var product = ResultAssert.Succeeded(await SendWithKeyAsync(Product("KEYED"), "key-1", tenant));
        ResultAssert.Succeeded(await SendAsync(new DeleteProductCommand(product.Id), tenant));
        var key = ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("ci", ["products:read"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(new RotateApiKeyCommand(key.Id, 60), tenant));

        Assert.That(await TypesAsync(tenant), Is.EqualTo(new[]
        {
            "api_key.created", "product.created", "product.deleted", "api_key.created", "api_key.created", "api_key.rotated",
        }).AsCollection.Or.EqualTo(new[]
        {
            "api_key.created", "product.created", "product.deleted", "api_key.created", "api_key.rotated", "api_key.created",
        }));
    }
}
