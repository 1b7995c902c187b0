using System.Net;
using System.Net.Http.Json;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>
/// docs/http-contract.md#versioning: the version headers on both versions and v1 retirement after its sunset date, on the
/// API keys (served under both versions in every solution the template generates), and v1/v2 reading one row where a
/// resource's representations differ between the versions.
/// </summary>
public sealed class VersioningTests : FunctionalTestBase
{
    [TestCase("/api/v1/api-keys")]
    [TestCase("/api/v2/api-keys")]
    [TestCase("/api/v1/audit-log")]
    [TestCase("/api/v2/does-not-exist")]
#if (IncludeProducts)
    [TestCase("/api/v1/products")]
    [TestCase("/api/v2/products")]
#endif
    public async Task Every_api_response_lists_both_supported_versions(string path)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(path);

        Assert.That(response.Header("api-supported-versions"), Is.EqualTo("1.0, 2.0"));
    }

    [Test]
    public async Task V1_responses_carry_deprecation_sunset_and_links()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Header("api-deprecated-versions"), Is.EqualTo("1.0"));
        Assert.That(response.Header("Deprecation"), Does.Match(@"^@\d+$"), "RFC 9745: @<unix seconds>.");
        var deprecation = DateTimeOffset.FromUnixTimeSeconds(long.Parse(response.Header("Deprecation")![1..], CultureInfo.InvariantCulture));
        Assert.That(deprecation, Is.EqualTo(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), "The configured date.");
        Assert.That(DateTimeOffset.Parse(response.Header("Sunset")!, CultureInfo.InvariantCulture),
            Is.EqualTo(new DateTimeOffset(2027, 11, 1, 0, 0, 0, TimeSpan.Zero)), "RFC 8594: an HTTP-date.");
        var links = response.Header("Link")!;
        Assert.That(links, Does.Contain("rel=\"deprecation\"").And.Contain("rel=\"sunset\""));
    }

    [Test]
    public async Task A_v1_list_with_a_next_page_keeps_the_deprecation_links_beside_rel_next()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "L-1");

        var response = await tenant.Http.GetAsync("/api/v1/api-keys?pageSize=1");
        var links = response.Header("Link")!;

        Assert.That(links, Does.Contain("rel=\"next\"").And.Contain("rel=\"deprecation\"").And.Contain("rel=\"sunset\""));
    }

    [Test]
    public async Task V1_errors_carry_the_deprecation_headers_too()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/api/v1/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Header("api-deprecated-versions"), Is.EqualTo("1.0"));
        Assert.That(response.Header("Deprecation"), Is.Not.Null);
        Assert.That(response.Header("Sunset"), Is.Not.Null);
    }

    [Test]
    public async Task V2_responses_are_not_deprecated()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync("/api/v2/api-keys");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Header("api-deprecated-versions"), Is.Null);
        Assert.That(response.Header("Deprecation"), Is.Null);
        Assert.That(response.Header("Sunset"), Is.Null);
    }

    [Test]
    public async Task After_the_sunset_date_v1_is_gone_with_a_problem_pointing_to_the_migration_guide()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await using var retired = Factory.WithWebHostBuilder(builder => builder.UseSetting("Versioning:V1SunsetAt", "2020-01-01T00:00:00Z"));
        using var client = retired.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.OwnerKey);

        var v1 = await client.GetAsync("/api/v1/api-keys");
        var v2 = await client.GetAsync("/api/v2/api-keys");

        Assert.That(v1.StatusCode, Is.EqualTo(HttpStatusCode.Gone));
        Assert.That(v1.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        var problem = await v1.JsonAsync();
        Assert.That(problem["type"]!.GetValue<string>(), Does.Contain("migrating-v1-to-v2"));
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(410));
        Assert.That(problem["traceId"], Is.Not.Null);
        Assert.That(v2.StatusCode, Is.EqualTo(HttpStatusCode.OK), "v2 is unaffected.");
    }
#if (IncludeProducts)

    [Test]
    public async Task A_product_written_through_v1_reads_back_through_v2()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (created, body) = await tenant.Http.PostJsonAsync("/api/v1/products",
            new { sku = "V1-WRITE", name = "Widget", price = 12.50m, currency = "EUR", tags = new[] { "a" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var v2 = await (await tenant.Http.GetAsync($"/api/v2/products/{body["id"]}")).JsonAsync();

        Assert.That(v2["price"]!["amountMinor"]!.GetValue<long>(), Is.EqualTo(1250));
        Assert.That(v2["price"]!["currency"]!.GetValue<string>(), Is.EqualTo("EUR"));
        Assert.That(v2["sku"]!.GetValue<string>(), Is.EqualTo("V1-WRITE"));
        Assert.That(v2["currency"], Is.Null, "v2 has no top-level currency.");
    }

    [Test]
    public async Task A_product_written_through_v2_reads_back_through_v1()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, etag) = await tenant.Http.CreateProductV2Async("V2-WRITE", amountMinor: 1999, currency: "USD");
        var (_, yenEtag) = await tenant.Http.CreateProductV2Async("V2-YEN", amountMinor: 1500, currency: "JPY");

        var v1 = await tenant.Http.GetAsync($"/api/v1/products/{id}");
        var body = await v1.JsonAsync();

        Assert.That(body["price"]!.GetValue<decimal>(), Is.EqualTo(19.99m));
        Assert.That(body["currency"]!.GetValue<string>(), Is.EqualTo("USD"));
        Assert.That(v1.Headers.ETag!.ToString(), Is.EqualTo(etag), "Both versions show the same row version.");
        Assert.That(yenEtag, Is.Not.Empty);
    }

    [Test]
    public async Task V2_validation_errors_name_v2_members()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/api/v2/products",
            new { sku = "X", name = "Y", price = new { amountMinor = 1234, currency = "XXX" } });
        var problem = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("price.currency"));
    }

    [Test]
    public async Task V2_rejects_an_amount_finer_than_the_currency_allows()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/api/v2/products",
            new { sku = "BHD", name = "Y", price = new { amountMinor = 1235, currency = "BHD" } });
        var problem = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "1.235 BHD needs three decimals; prices keep two.");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("price.amountMinor"));
    }
#endif
}
