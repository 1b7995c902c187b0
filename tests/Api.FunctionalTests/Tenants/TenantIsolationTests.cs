using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Tenants;

/// <summary>docs/http-contract.md#tenancy: an id that belongs to another tenant is 404, as if it did not exist, and nothing leaks through lists.</summary>
public sealed class TenantIsolationTests : FunctionalTestBase
{
#if (IncludeProducts)
    [Test]
    public async Task Another_tenants_product_is_404_for_get_put_delete_and_restore()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var productOfB = (await tenantB.Http.CreateProductAsync("SKU-B")).Id();
        var url = $"{TestApi.Products}/{productOfB}";

        var get = await tenantA.Http.GetAsync(url);
        var put = await tenantA.Http.PutAsJsonAsync(url, TestApi.ProductBody("HIJACKED"));
        var delete = await tenantA.Http.DeleteAsync(url);
        var restore = await tenantA.Http.PostAsync($"{url}/restore", content: null);

        foreach (var response in new[] { get, put, delete, restore })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        var unchanged = await (await tenantB.Http.GetAsync(url)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(unchanged.String("sku"), Is.EqualTo("SKU-B"));
    }

    [Test]
    public async Task Another_tenants_deleted_product_cannot_be_restored()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var productOfB = (await tenantB.Http.CreateProductAsync("SKU-B")).Id();
        await (await tenantB.Http.DeleteAsync($"{TestApi.Products}/{productOfB}")).AssertStatusAsync(HttpStatusCode.NoContent);

        var restore = await tenantA.Http.PostAsync($"{TestApi.Products}/{productOfB}/restore", content: null);

        await restore.AssertProblemAsync(HttpStatusCode.NotFound);
        await (await tenantB.Http.GetAsync($"{TestApi.Products}/{productOfB}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Another_tenants_products_never_appear_in_the_list()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var productOfA = (await tenantA.Http.CreateProductAsync("SKU-A")).Id();
        await tenantB.Http.CreateProductAsync("SKU-B");
        await tenantB.Http.CreateProductAsync("SKU-C");

        var list = await (await tenantA.Http.GetAsync($"{TestApi.Products}?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.That(list.Items().Select(p => p.Id()), Is.EqualTo(new[] { productOfA }));
    }

    [Test]
    public async Task The_same_sku_may_exist_in_two_tenants()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        await tenantA.Http.CreateProductAsync("SHARED");

        var response = await tenantB.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("SHARED"));

        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

#endif
    [Test]
    public async Task Another_tenants_api_key_is_404_for_get_rotate_and_revoke()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var keyOfB = await tenantB.Http.CreateApiKeyAsync(["audit:read"]);
        var url = $"{TestApi.ApiKeys}/{keyOfB.Id}";

        var get = await tenantA.Http.GetAsync(url);
        var getOwner = await tenantA.Http.GetAsync($"{TestApi.ApiKeys}/{tenantB.OwnerKeyId}");
        var rotate = await tenantA.Http.PostAsJsonAsync($"{url}/rotate", new { gracePeriodSeconds = 0 });
        var revoke = await tenantA.Http.DeleteAsync(url);
        var list = await (await tenantA.Http.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK);

        foreach (var response in new[] { get, getOwner, rotate, revoke })
        {
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.That(list.Items().Select(k => k.Id()), Is.EqualTo(new[] { tenantA.OwnerKeyId }));
        using var clientOfB = Factory.CreateClient(keyOfB.Key);
        await (await clientOfB.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_key_created_by_one_tenant_acts_only_on_that_tenant()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var manager = await tenantA.Http.CreateApiKeyAsync(["keys:manage", "audit:read"]);
        using var client = Factory.CreateClient(manager.Key);

        var created = await client.CreateApiKeyAsync(["audit:read"], name: "from-key");

        await (await tenantA.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await tenantB.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
#if (IncludeProducts)

    [Test]
    public async Task A_product_key_created_by_one_tenant_acts_only_on_that_tenant()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var writer = await tenantA.Http.CreateApiKeyAsync(["products:read", "products:write"]);
        using var client = Factory.CreateClient(writer.Key);

        var created = await (await client.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody("FROM-KEY"))).AssertJsonAsync(HttpStatusCode.Created);

        await (await tenantA.Http.GetAsync($"{TestApi.Products}/{created.Id()}")).AssertStatusAsync(HttpStatusCode.OK);
        await (await tenantB.Http.GetAsync($"{TestApi.Products}/{created.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
#endif
}
