using System.Net;
using System.Net.Http.Json;
using System.Text;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>No input a client can send is a 500: bad input is a 4xx problem (docs/http-contract.md#1-conventions).</summary>
public sealed class BadInputTests : FunctionalTestBase
{
    /// <summary>Odd JSON in general, sent to a body every solution the template generates has (creating an API key).</summary>
    private static readonly string[] RawJsonBodies =
    [
        new string('[', 10_000) + new string(']', 10_000),
        "{\"name\":{\"name\":{\"name\":{}}}}",
        "{\"name\":\"" + new string('a', 100_000) + "\",\"scopes\":[\"audit:read\"]}",
        "{\"name\":\"k\",\"scopes\":[" + string.Join(',', Enumerable.Repeat("\"audit:read\"", 10_000)) + "]}",
        "{\"name\":\"\\ud800\",\"scopes\":[\"audit:read\"]}",
        "{\"name\":null,\"scopes\":null,\"expiresAt\":null}",
        "{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":1e28}",
        "{\"\":1}",
        "{\"name\":\"A\",\"name\":\"B\",\"name\":{}}",
        "[]",
        "null",
        "\"text\"",
    ];

    public static IEnumerable<TestCaseData> JsonBodies() =>
        RawJsonBodies.Select((body, i) => new TestCaseData(body).SetName($"Odd_json_body_{i:D2}_is_never_a_500"));

    [TestCaseSource(nameof(JsonBodies))]
    public async Task Odd_json_body_is_never_a_500(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        await AssertNoServerErrorAsync(response);
    }

    [TestCase("?pageSize=99999999999999999999")]
    [TestCase("?pageSize=%00")]
    [TestCase("?pageSize=1&pageSize=2")]
    [TestCase("?pageSize=%F0%9F%98%80")]
    [TestCase("?pageToken=%00%01")]
    [TestCase("/00000000-0000-0000-0000-000000000000")]
    [TestCase("/ffffffff-ffff-ffff-ffff-ffffffffffff")]
    [TestCase("/..%2F..%2Fetc%2Fpasswd")]
    public async Task Odd_api_key_url_is_never_a_500(string suffix)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var get = await tenant.Http.GetAsync(TestApi.ApiKeys + suffix);
        var delete = await tenant.Http.DeleteAsync(TestApi.ApiKeys + suffix);

        await AssertNoServerErrorAsync(get);
        await AssertNoServerErrorAsync(delete);
    }

#if (IncludeProducts)
    private static readonly string[] RawProductBodies =
    [
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":1,\"currency\":\"EUR\",\"tags\":[null]}",
        "{\"sku\":null,\"name\":null,\"price\":null,\"currency\":null,\"tags\":null,\"description\":null}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":1e28,\"currency\":\"EUR\"}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":-1e28,\"currency\":\"EUR\"}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":79228162514264337593543950336,\"currency\":\"EUR\"}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":0.0000000000000000000000000001,\"currency\":\"EUR\"}",
        "{\"sku\":\"" + new string('A', 100_000) + "\",\"name\":\"n\",\"price\":1,\"currency\":\"EUR\"}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":1,\"currency\":\"EUR\",\"tags\":[" + string.Join(',', Enumerable.Repeat("\"t\"", 10_000)) + "]}",
        new string('[', 10_000) + new string(']', 10_000),
        "{\"sku\":{\"sku\":{\"sku\":{}}}}",
        "{\"sku\":\"A\",\"name\":\"\\ud800\",\"price\":1,\"currency\":\"EUR\"}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{\"amountMinor\":9223372036854775808,\"currency\":\"EUR\"}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{\"amountMinor\":-9223372036854775808,\"currency\":\"EUR\"}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{\"amountMinor\":9223372036854775807,\"currency\":\"CLF\"}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{\"amountMinor\":1e28,\"currency\":\"JPY\"}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{\"amountMinor\":null,\"currency\":null}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":{}}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":[]}",
        "{\"sku\":\"A\",\"name\":\"n\",\"price\":1,\"currency\":\"\\u20ac\"}",
        "{\"\":1}",
        "{\"sku\":\"A\",\"sku\":\"B\",\"sku\":{}}",
    ];

    public static IEnumerable<TestCaseData> ProductBodies() =>
        RawProductBodies.Select((body, i) => new TestCaseData(body).SetName($"Odd_product_body_{i:D2}_is_never_a_500"));

    [TestCaseSource(nameof(ProductBodies))]
    public async Task Odd_product_body_is_never_a_500(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var product = await tenant.Http.CreateProductAsync("EXISTING");

        // Both versions: their bodies differ (v1's decimal price and top-level currency), so do their readers.
        foreach (var url in new[] { TestApi.Products, TestApi.ProductsV1 })
        {
            var post = await tenant.Http.PostAsync(url, TestApi.RawJson(body));
            var put = await tenant.Http.PutAsync($"{url}/{product.Id()}", TestApi.RawJson(body));

            await AssertNoServerErrorAsync(post);
            await AssertNoServerErrorAsync(put);
        }
    }

    [TestCase("?pageSize=99999999999999999999")]
    [TestCase("?pageSize=%00")]
    [TestCase("?pageSize=1&pageSize=2")]
    [TestCase("?pageSize=%F0%9F%98%80")]
    [TestCase("/00000000-0000-0000-0000-000000000000")]
    [TestCase("/ffffffff-ffff-ffff-ffff-ffffffffffff")]
    [TestCase("/..%2F..%2Fetc%2Fpasswd")]
    public async Task Odd_product_url_is_never_a_500(string suffix)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var get = await tenant.Http.GetAsync(TestApi.Products + suffix);
        var delete = await tenant.Http.DeleteAsync(TestApi.Products + suffix);

        await AssertNoServerErrorAsync(get);
        await AssertNoServerErrorAsync(delete);
    }

#endif
    [TestCase("{\"name\":\"k\",\"scopes\":[null]}")]
    [TestCase("{\"name\":\"k\",\"scopes\":null}")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"9999-12-31T23:59:59.9999999Z\"}")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"0001-01-01T00:00:00Z\"}")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"2999-02-30T00:00:00Z\"}")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":12}")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\",\"audit:read\"]}")]
    [TestCase("{\"name\":\"k\",\"scopes\":\"audit:read\"}")]
    public async Task Odd_api_key_body_is_never_a_500(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        await AssertNoServerErrorAsync(response);
    }

    [TestCase("{\"gracePeriodSeconds\":null}")]
    [TestCase("null")]
    [TestCase("{\"gracePeriodSeconds\":2147483647}")]
    [TestCase("{\"gracePeriodSeconds\":-2147483648}")]
    public async Task Odd_rotate_body_is_never_a_500(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var key = await tenant.Http.CreateApiKeyAsync(["audit:read"]);

        var response = await tenant.Http.PostAsync($"{TestApi.ApiKeys}/{key.Id}/rotate", TestApi.RawJson(body));

        await AssertNoServerErrorAsync(response);
    }

#if (IncludeRatePlans)
    [TestCase("{\"name\":\"" + "a" + "\",\"ratePlan\":\"\"}")]
    [TestCase("{\"name\":\"a\",\"ratePlan\":null}")]
    [TestCase("{\"name\":\"a\",\"ratePlan\":[\"pro\"]}")]
#else
    [TestCase("{\"name\":null}")]
    [TestCase("{\"name\":[\"a\"]}")]
    [TestCase("{\"name\":\"a\",\"plan\":{}}")]
#endif
    [TestCase("{\"name\":123}")]
    public async Task Odd_tenant_body_is_never_a_500(string body)
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsync(TestApi.Tenants, TestApi.RawJson(body));

        await AssertNoServerErrorAsync(response);
    }

    [TestCase("Bearer ")]
    [TestCase("Bearer a.b.c")]
    [TestCase("Bearer ....")]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Bearer qk_live_a.b.c")]
    public async Task Odd_authorization_header_is_never_a_500(string authorization)
    {
        using var client = Factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.ApiKeys);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

#if (IncludeProducts)
    /// <summary>PostgreSQL text cannot hold U+0000; the API must refuse it as bad input rather than fail on insert.</summary>
    [TestCase("name")]
    [TestCase("description")]
    [TestCase("tags")]
    public async Task Nul_character_in_a_product_member_is_a_400(string member)
    {
        using var tenant = await Factory.CreateTenantAsync();
        object value = member == "tags" ? new[] { "a\u0000b" } : "a\u0000b";

        var response = await tenant.Http.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody().With(member, value));

        await response.AssertValidationProblemAsync(member == "tags" ? "tags[0]" : member);
    }

#endif
    [Test]
    public async Task Nul_character_in_a_tenant_or_key_name_is_a_400()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();

        var tenantResponse = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "a\u0000b" });
        var keyResponse = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "a\u0000b", scopes = new[] { "audit:read" } });

        await tenantResponse.AssertValidationProblemAsync("name");
        await keyResponse.AssertValidationProblemAsync("name");
    }

    private static async Task AssertNoServerErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.LessThan(500), text.Length > 2000 ? text[..2000] : text);
        if ((int)response.StatusCode >= 400)
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
            Assert.That(text, Does.Contain("\"traceId\""));
        }
    }
}
