using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>
/// Strict reading (docs/http-contract.md, sections 1 and 5): integers are digits, decimals plain, booleans true/false, timestamps RFC 3339; a query
/// parameter or a JSON member given twice is a 400, never "one of them wins". Read on the API keys and the audit log,
/// which every solution the template generates has, and on a resource's own filters and bodies where it has some.
/// </summary>
public sealed class StrictParsingTests : FunctionalTestBase
{
    [TestCase("0x10")]
    [TestCase(" 5")]
    [TestCase("5 ")]
    [TestCase("+5")]
    [TestCase("5.0")]
    [TestCase("1e1")]
    [TestCase("٥")]
    [TestCase("5\n")]
    public async Task Page_size_that_is_not_plain_digits_is_a_400(string pageSize)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize={Uri.EscapeDataString(pageSize)}");

        await response.AssertValidationProblemAsync("pageSize");
    }

    [Test]
    public async Task Page_size_of_plain_digits_is_read()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?pageSize=5");

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [TestCase(TestApi.ApiKeys, "pageSize=1&pageSize=2", "pageSize")]
    [TestCase(TestApi.AuditLog, "action=a&action=b", "action")]
    [TestCase(TestApi.ApiKeys, "sort=name&sort=-name", "sort")]
#if (IncludeProducts)
    [TestCase(TestApi.Products, "minPrice=1&minPrice=2", "minPrice")]
    [TestCase(TestApi.Products, "sku=A&sku=B", "sku")]
#endif
    public async Task A_query_parameter_given_twice_is_a_400(string route, string query, string member)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{route}?{query}");

        await response.AssertValidationProblemAsync(member);
    }

#if (IncludeProducts)
    [TestCase("1,000")]
    [TestCase(" 10")]
    [TestCase("1e3")]
    [TestCase("0x10")]
    [TestCase("10.")]
    public async Task Price_filter_that_is_not_a_plain_decimal_is_a_400(string minPrice)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"/api/v2/products?minPrice={Uri.EscapeDataString(minPrice)}");

        await response.AssertValidationProblemAsync("minPrice");
    }

#endif
    [TestCase("1.5")]
    [TestCase("2026-11-23")]
    [TestCase("2026-11-23T08:00:00")]
    [TestCase("2026-11-23 08:00:00Z")]
    [TestCase("23/11/2026")]
    [TestCase("yesterday")]
    public async Task Timestamp_filters_take_rfc_3339_only(string value)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var escaped = Uri.EscapeDataString(value);

        var audit = await tenant.Http.GetAsync($"/api/v2/audit-log?from={escaped}");
#if (IncludeProducts)
        var products = await tenant.Http.GetAsync($"/api/v2/products?createdAfter={escaped}");
        await products.AssertValidationProblemAsync("createdAfter");
#endif

        await audit.AssertValidationProblemAsync("from");
    }

    [TestCase("2026-11-23T08:00:00Z")]
    [TestCase("2026-11-23t08:00:00.123456789+02:00")]
    public async Task Rfc_3339_timestamps_are_read(string value)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"/api/v2/audit-log?from={Uri.EscapeDataString(value)}");
#if (IncludeProducts)
        var products = await tenant.Http.GetAsync($"/api/v2/products?createdAfter={Uri.EscapeDataString(value)}");
        await products.AssertJsonAsync(HttpStatusCode.OK);
#endif

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [TestCase("True")]
    [TestCase("1")]
    [TestCase("yes")]
    public async Task Booleans_are_true_or_false(string value)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.ApiKeys}?includeTotalCount={value}");

        await response.AssertValidationProblemAsync("includeTotalCount");
    }

    [Test]
    public async Task A_json_member_given_twice_is_a_400_and_nothing_is_created()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var keys = await Factory.Database.ScalarAsync<long>("select count(*) from api_keys");
        var body = "{\"name\":\"ci-a\",\"name\":\"ci-b\",\"scopes\":[\"audit:read\"]}";

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        var errors = await response.AssertValidationProblemAsync("name");
        Assert.That(errors.Strings("name")[0], Does.Contain("more than once"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys"), Is.EqualTo(keys));
    }

#if (IncludeProducts)
    [Test]
    public async Task A_product_member_given_twice_is_a_400_and_nothing_is_created()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = "{\"sku\":\"SKU-A\",\"sku\":\"SKU-B\",\"name\":\"Widget\",\"price\":12.50,\"currency\":\"EUR\",\"tags\":[]}";

        var response = await tenant.Http.PostAsync(TestApi.Products, TestApi.RawJson(body));

        var errors = await response.AssertValidationProblemAsync("sku");
        Assert.That(errors.Strings("sku")[0], Does.Contain("more than once"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.Zero);
    }

    [Test]
    public async Task A_nested_json_member_given_twice_is_a_400()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = "{\"sku\":\"SKU-A\",\"name\":\"Widget\",\"price\":{\"amountMinor\":1,\"amountMinor\":2,\"currency\":\"EUR\"},\"tags\":[]}";

        var response = await tenant.Http.PostAsync("/api/v2/products", TestApi.RawJson(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task A_merge_patch_member_given_twice_is_a_400_and_nothing_changes()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("SKU-1", name: "Before");

        var response = await tenant.Http.MergePatchAsync($"/api/v2/products/{id}", "{\"name\":\"One\",\"name\":\"Two\"}", etag);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var product = await (await tenant.Http.GetAsync($"/api/v2/products/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(product.String("name"), Is.EqualTo("Before"));
    }

#endif
    [TestCase("1.5")]
    [TestCase("2099-01-01")]
    [TestCase("2099-01-01T00:00:00")]
    public async Task Json_timestamps_are_rfc_3339_only(string expiresAt)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" }, expiresAt });

        await response.AssertValidationProblemAsync("expiresAt");
    }
}
