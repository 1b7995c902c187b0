using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Authentication;

/// <summary>
/// docs/http-contract.md#2-authentication-and-scopes: JWT bearer tokens carry tenant_id and space-separated scope; audience and lifetime are checked. The
/// refusal tests are meaningful because the acceptance tests show that a well-formed token is accepted.
/// </summary>
public sealed class JwtAuthenticationTests : FunctionalTestBase
{
    [Test]
    public async Task Jwt_with_tenant_and_products_read_lists_the_tenants_products()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("SKU-1");
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "products:read"));

        var list = await (await client.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
        var get = await client.GetAsync($"{TestApi.Products}/{product.Id()}");

        Assert.That(list.Items().Select(p => p.Id()), Is.EqualTo(new[] { product.Id() }));
        await get.AssertJsonAsync(HttpStatusCode.OK);
    }
    [Test]
    public async Task Jwt_with_several_scopes_can_write()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "products:read products:write"));

        var created = await client.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody());

        await created.AssertJsonAsync(HttpStatusCode.Created);
    }
    [Test]
    public async Task Jwt_of_one_tenant_does_not_see_another_tenants_products()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var productOfB = await tenantB.Http.CreateProductAsync("SKU-B");
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantA.TenantId, "products:read"));

        var list = await (await client.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
        var get = await client.GetAsync($"{TestApi.Products}/{productOfB.Id()}");

        Assert.That(list.Items(), Is.Empty);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Jwt_with_wrong_audience_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "products:read", audience: "someone-else"));

        var response = await client.GetAsync(TestApi.Products);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Expired_jwt_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateExpiredJwt(tenant.TenantId, "products:read"));

        var response = await client.GetAsync(TestApi.Products);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Jwt_signed_with_another_key_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var token = Factory.CreateValidJwt(tenant.TenantId, "products:read");
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        using var client = Factory.CreateJwtClient(forged);

        var response = await client.GetAsync(TestApi.Products);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Malformed_jwt_returns_401()
    {
        using var client = Factory.CreateJwtClient("not.a.jwt");

        var response = await client.GetAsync(TestApi.Products);

        await AssertUnauthorizedAsync(response);
    }
    [TestCase("products:write")]
    [TestCase("events:read keys:manage")]
    [TestCase("products:readx")]
    [TestCase("")]
    public async Task Jwt_without_products_read_returns_403_naming_the_scope(string scopes)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, scopes));

        var response = await client.GetAsync(TestApi.Products);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(problem.Detail(), Does.Contain("products:read"));
    }
    [Test]
    public async Task Jwt_with_products_read_cannot_create_products()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "products:read"));

        var response = await client.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.Detail(), Does.Contain("products:write"));
    }
    [Test]
    public async Task Jwt_without_tenant_cannot_create_products()
    {
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantId: null, "products:read products:write"));

        var response = await client.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody());

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.Zero);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }
}
