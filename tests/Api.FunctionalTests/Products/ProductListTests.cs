using System.Net;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Products;

/// <summary>docs/http-contract.md#5-lists: <c>{items}</c>, pageSize 1-100 with a default of 20, anything else a 400.</summary>
public sealed class ProductListTests : FunctionalTestBase
{
    [Test]
    public async Task List_of_a_new_tenant_is_empty()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var list = await (await tenant.Http.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.That(list.Items(), Is.Empty);
        Assert.That(list.TryGetProperty("nextPageToken", out _), Is.False);
    }

    [Test]
    public async Task List_returns_20_items_by_default_and_honours_pageSize()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 21; i++)
        {
            await tenant.Http.CreateProductAsync($"SKU-{i:D2}");
        }

        var byDefault = await (await tenant.Http.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
        var five = await (await tenant.Http.GetAsync($"{TestApi.Products}?pageSize=5")).AssertJsonAsync(HttpStatusCode.OK);
        var one = await (await tenant.Http.GetAsync($"{TestApi.Products}?pageSize=1")).AssertJsonAsync(HttpStatusCode.OK);
        var hundred = await (await tenant.Http.GetAsync($"{TestApi.Products}?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byDefault.Items(), Has.Count.EqualTo(20));
            Assert.That(five.Items(), Has.Count.EqualTo(5));
            Assert.That(one.Items(), Has.Count.EqualTo(1));
            Assert.That(hundred.Items(), Has.Count.EqualTo(21));
            Assert.That(hundred.Items().Select(p => p.String("sku")), Is.Unique);
        }
    }

    [Test]
    public async Task List_is_newest_first_by_default()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductAsync("OLDEST");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await tenant.Http.CreateProductAsync("MIDDLE");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await tenant.Http.CreateProductAsync("NEWEST");

        var list = await (await tenant.Http.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.That(list.Items().Select(p => p.String("sku")), Is.EqualTo(new[] { "NEWEST", "MIDDLE", "OLDEST" }));
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("99999999999")]
    [TestCase("")]
    public async Task List_with_an_invalid_pageSize_returns_400(string pageSize)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.Products}?pageSize={pageSize}");

        await response.AssertValidationProblemAsync("pageSize");
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("abc")]
    public async Task Other_lists_reject_an_invalid_pageSize_too(string pageSize)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();

        var keys = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize={pageSize}");
        var tenants = await admin.GetAsync($"{TestApi.Tenants}?pageSize={pageSize}");

        await keys.AssertValidationProblemAsync("pageSize");
        await tenants.AssertValidationProblemAsync("pageSize");
    }
}
