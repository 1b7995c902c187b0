using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Products;

public sealed class ProductsSmokeTests : FunctionalTestBase
{
    [Test]
    public async Task Create_then_get_returns_the_product_with_an_etag()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.PostAsJsonAsync("/api/v1/products",
            new { sku = "SKU-1", name = "Widget", price = 12.50m, currency = "EUR", tags = new[] { "a" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Headers.ETag, Is.Not.Null);

        var fetched = await tenant.Http.GetAsync(created.Headers.Location);
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fetched.Headers.ETag, Is.EqualTo(created.Headers.ETag));
    }
}
