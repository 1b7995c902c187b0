using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Products;

/// <summary>
/// Products (docs/http-contract.md#products): create, read, full replace, soft delete and restore, with strong ETags;
/// in v2, and in v1 where its representation differs (the price).
/// </summary>
public sealed class ProductsTests : FunctionalTestBase
{
    [Test]
    public async Task Create_returns_201_with_location_etag_and_the_product()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1"));

        var product = await response.AssertJsonAsync(HttpStatusCode.Created);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"{TestApi.Products}/{product.Id()}").IgnoreCase);
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag?.IsWeak, Is.False, "the ETag is strong");
            Assert.That(response.Headers.ETag?.Tag, Does.Match("^\"[^\"]+\"$"));
            Assert.That(product.Id().Version, Is.EqualTo(7), "ids are UUIDv7");
            Assert.That(product.String("sku"), Is.EqualTo("SKU-1"));
            Assert.That(product.String("name"), Is.EqualTo("Widget"));
            Assert.That(product.String("description"), Is.EqualTo("A useful widget."));
            Assert.That(product.GetProperty("price").GetProperty("amountMinor").GetInt64(), Is.EqualTo(1250));
            Assert.That(product.GetProperty("price").String("currency"), Is.EqualTo("EUR"));
            Assert.That(product.TryGetProperty("currency", out _), Is.False, "v2 has no top-level currency");
            Assert.That(product.Strings("tags"), Is.EqualTo(new[] { "tools", "blue" }));
            Assert.That(product.String("createdAt"), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(product.String("updatedAt"), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(product.TryGetProperty("deletedAt", out _), Is.False);
            Assert.That(product.TryGetProperty("tenantId", out _), Is.False, "the tenant is implied by the credentials");
            Assert.That(product.TryGetProperty("version", out _), Is.False, "the row version travels in the ETag");
        }
    }

    [Test]
    public async Task V1_create_get_and_put_carry_the_price_in_major_units_beside_the_currency()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var created = await tenant.Http.PostAsJsonAsync(TestApi.ProductsV1, TestApi.ProductBodyV1("SKU-1"));
        var product = await created.AssertJsonAsync(HttpStatusCode.Created);
        var fetched = await (await tenant.Http.GetAsync(created.Headers.Location)).AssertJsonAsync(HttpStatusCode.OK);
        var replaced = await (await tenant.Http.PutAsJsonAsync($"{TestApi.ProductsV1}/{product.Id()}",
            new { sku = "SKU-2", name = "Gadget", price = 99.99m, currency = "USD", tags = new[] { "new" } })).AssertJsonAsync(HttpStatusCode.OK);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Headers.Location?.ToString(), Does.EndWith($"{TestApi.ProductsV1}/{product.Id()}").IgnoreCase);
            Assert.That(product.GetProperty("price").GetDecimal(), Is.EqualTo(12.50m));
            Assert.That(product.String("currency"), Is.EqualTo("EUR"));
            Assert.That(fetched.GetRawText(), Is.EqualTo(product.GetRawText()));
            Assert.That(replaced.GetProperty("price").GetDecimal(), Is.EqualTo(99.99m));
            Assert.That(replaced.String("currency"), Is.EqualTo("USD"));
        }
    }

    [Test]
    public async Task Get_returns_200_with_the_same_etag_and_body()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1"));
        var product = await created.AssertJsonAsync(HttpStatusCode.Created);

        var response = await tenant.Http.GetAsync(created.Headers.Location);

        var fetched = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(response.Headers.ETag, Is.EqualTo(created.Headers.ETag));
        Assert.That(fetched.GetRawText(), Is.EqualTo(product.GetRawText()));
    }

    [Test]
    public async Task Get_of_unknown_product_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.Products}/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Put_replaces_the_whole_product_and_changes_the_etag()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1"));
        var product = await created.AssertJsonAsync(HttpStatusCode.Created);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var replacement = new { sku = "SKU-2", name = "Gadget", price = new { amountMinor = 9999, currency = "USD" }, tags = new[] { "new" } };

        var response = await tenant.Http.PutAsJsonAsync($"{TestApi.Products}/{product.Id()}", replacement);

        var replaced = await response.AssertJsonAsync(HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(response.Headers.ETag, Is.Not.EqualTo(created.Headers.ETag));
            Assert.That(replaced.Id(), Is.EqualTo(product.Id()));
            Assert.That(replaced.String("sku"), Is.EqualTo("SKU-2"));
            Assert.That(replaced.String("name"), Is.EqualTo("Gadget"));
            Assert.That(replaced.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.Null, Is.False,
                "a member left out of a PUT is cleared");
            Assert.That(replaced.GetProperty("price").GetProperty("amountMinor").GetInt64(), Is.EqualTo(9999));
            Assert.That(replaced.GetProperty("price").String("currency"), Is.EqualTo("USD"));
            Assert.That(replaced.Strings("tags"), Is.EqualTo(new[] { "new" }));
            Assert.That(replaced.String("createdAt"), Is.EqualTo(product.String("createdAt")));
            Assert.That(replaced.GetProperty("updatedAt").GetDateTimeOffset(), Is.GreaterThan(product.GetProperty("updatedAt").GetDateTimeOffset()));
        }

        var fetched = await tenant.Http.GetAsync($"{TestApi.Products}/{product.Id()}");
        Assert.That((await fetched.AssertJsonAsync(HttpStatusCode.OK)).GetRawText(), Is.EqualTo(replaced.GetRawText()));
        Assert.That(fetched.Headers.ETag, Is.EqualTo(response.Headers.ETag));
    }

    [Test]
    public async Task Put_to_the_sku_of_another_live_product_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductAsync("SKU-1");
        var second = await tenant.Http.CreateProductAsync("SKU-2");

        var response = await tenant.Http.PutAsJsonAsync($"{TestApi.Products}/{second.Id()}", TestApi.ProductBody("SKU-1"));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var unchanged = await (await tenant.Http.GetAsync($"{TestApi.Products}/{second.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(unchanged.String("sku"), Is.EqualTo("SKU-2"));
    }

    [Test]
    public async Task Put_keeping_its_own_sku_returns_200()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");

        var response = await tenant.Http.PutAsJsonAsync($"{TestApi.Products}/{product.Id()}", TestApi.ProductBody("SKU-1").With("name", "Renamed"));

        Assert.That((await response.AssertJsonAsync(HttpStatusCode.OK)).String("name"), Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Put_of_unknown_product_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PutAsJsonAsync($"{TestApi.Products}/{Guid.CreateVersion7()}", TestApi.ProductBody());

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Create_with_duplicate_sku_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductAsync("SKU-1");

        var response = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1").With("name", "Other"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Detail(), Does.Contain("SKU-1"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_returns_204_then_the_product_is_gone_and_its_sku_is_free()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");
        var url = $"{TestApi.Products}/{product.Id()}";

        var deleted = await tenant.Http.DeleteAsync(url);

        await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        Assert.That(await deleted.Content.ReadAsStringAsync(), Is.Empty);
        await (await tenant.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.PutAsJsonAsync(url, TestApi.ProductBody("SKU-1"))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.DeleteAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await tenant.Http.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Items(), Is.Empty);

        var reused = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SKU-1"));

        var newProduct = await reused.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(newProduct.Id(), Is.Not.EqualTo(product.Id()));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products where deleted_at is not null"), Is.EqualTo(1),
            "the delete is soft");
    }

    [Test]
    public async Task Restore_returns_200_with_the_product_and_an_etag()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");
        var url = $"{TestApi.Products}/{product.Id()}";
        await (await tenant.Http.DeleteAsync(url)).AssertStatusAsync(HttpStatusCode.NoContent);

        var response = await tenant.Http.PostAsync($"{url}/restore", content: null);

        var restored = await response.AssertJsonAsync(HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.ETag, Is.Not.Null);
            Assert.That(restored.Id(), Is.EqualTo(product.Id()));
            Assert.That(restored.String("sku"), Is.EqualTo("SKU-1"));
            Assert.That(restored.TryGetProperty("deletedAt", out var deletedAt) && deletedAt.ValueKind != JsonValueKind.Null, Is.False);
        }

        var fetched = await tenant.Http.GetAsync(url);
        await fetched.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(fetched.Headers.ETag, Is.EqualTo(response.Headers.ETag));
    }

    [Test]
    public async Task Restore_when_a_live_product_took_the_sku_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");
        var url = $"{TestApi.Products}/{product.Id()}";
        await (await tenant.Http.DeleteAsync(url)).AssertStatusAsync(HttpStatusCode.NoContent);
        var taker = await tenant.Http.CreateProductAsync("SKU-1");

        var response = await tenant.Http.PostAsync($"{url}/restore", content: null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        await (await tenant.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await tenant.Http.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Items().Select(p => p.Id()), Is.EqualTo(new[] { taker.Id() }));
    }

    [Test]
    public async Task Restore_of_a_live_product_returns_409()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");

        var response = await tenant.Http.PostAsync($"{TestApi.Products}/{product.Id()}/restore", content: null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task Restore_of_unknown_product_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync($"{TestApi.Products}/{Guid.CreateVersion7()}/restore", content: null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Concurrent_creates_with_the_same_sku_give_one_201_and_409s()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("RACE").With("name", $"Racer {i}"))));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await response.AssertProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products where sku = 'RACE'"), Is.EqualTo(1));
    }
}
