using System.Net;
using System.Net.Http.Json;
using System.Text;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>
/// docs/http-contract.md#1-conventions: strict JSON bodies. Malformed JSON, unknown members and wrong types are 400; other
/// media 415; over 1 MiB 413. Sent to POST /api-keys, which every solution the template generates has, and to a
/// resource's own members where it has some.
/// </summary>
public sealed class RequestBodyTests : FunctionalTestBase
{
    private const int MaxBodyBytes = 1024 * 1024;

    private static Task<long> KeysAsync() => Factory.Database.ScalarAsync<long>("select count(*) from api_keys");

    /// <summary>A valid key body as JSON text, with one member's value replaced by raw JSON.</summary>
    private static string RawKeyJson(string member, string rawValue)
    {
        var members = new Dictionary<string, string> { ["name"] = "\"ci\"", ["scopes"] = "[\"audit:read\"]" };
        members[member] = rawValue;
        return "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
    }

    [TestCase("{")]
    [TestCase("not json")]
    [TestCase("{\"name\":\"A\",}")]
    [TestCase("{'name':'A'}")]
    [TestCase("")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("\"ci\"")]
    public async Task Malformed_json_returns_400_problem(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var keys = await KeysAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem.TryGetProperty("errors", out _), Is.True, problem.ToString());
        AssertNoParserText(await response.Content.ReadAsStringAsync());
        Assert.That(await KeysAsync(), Is.EqualTo(keys));
    }
    [TestCase("{\"name\":")]
    [TestCase("{\"name\":\"A\",\"scopes\":")]
    [TestCase("{\"scopes\":[\"a\",")]
    [TestCase("{\"name\":\"A")]
    public async Task Malformed_json_problem_does_not_echo_parser_messages(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        AssertNoParserText(await response.Content.ReadAsStringAsync());
    }

    [TestCase("id")]
    [TestCase("tenantId")]
    [TestCase("createdAt")]
    [TestCase("revokedAt")]
    [TestCase("prefix")]
    public async Task Unknown_member_returns_400_naming_it(string member)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var keys = await KeysAsync();
        var body = new Dictionary<string, object?> { ["name"] = "ci", ["scopes"] = new[] { "audit:read" } }
            .With(member, member == "id" || member == "tenantId" ? Guid.CreateVersion7() : "2020-01-01T00:00:00Z");

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, body);

        var errors = await response.AssertValidationProblemAsync(member);
        Assert.That(errors.GetProperty(member)[0].GetString(), Does.Contain(member));
        Assert.That(await KeysAsync(), Is.EqualTo(keys));
    }

#if (IncludeProducts)
    [Test]
    public async Task Unknown_member_in_put_returns_400_and_cannot_move_the_product_to_another_tenant()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var product = await tenantA.Http.CreateProductAsync("SKU-1");

        var response = await tenantA.Http.PutAsJsonAsync($"{TestApi.Products}/{product.Id()}",
            TestApi.ProductBody("SKU-1").With("tenantId", tenantB.TenantId));

        await response.AssertValidationProblemAsync("tenantId");
        await (await tenantA.Http.GetAsync($"{TestApi.Products}/{product.Id()}")).AssertStatusAsync(HttpStatusCode.OK);
    }

#endif
    [Test]
    public async Task Unknown_member_in_tenant_and_key_bodies_returns_400()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();

        var tenantResponse = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "X", id = Guid.CreateVersion7() });
        var keyResponse = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" }, tenantId = Guid.CreateVersion7() });

        await tenantResponse.AssertValidationProblemAsync("id");
        await keyResponse.AssertValidationProblemAsync("tenantId");
    }

    [TestCase("name", "123", "name")]
    [TestCase("name", "{}", "name")]
    [TestCase("scopes", "\"audit:read\"", "scopes")]
    [TestCase("scopes", "[1]", "scopes[0]")]
    [TestCase("expiresAt", "true", "expiresAt")]
    [TestCase("expiresAt", "12", "expiresAt")]
    public Task Wrong_type_returns_400_naming_the_member(string member, string rawValue, string errorKey) =>
        AssertWrongTypeRefusedAsync(TestApi.ApiKeys, RawKeyJson(member, rawValue), errorKey);

#if (IncludeProducts)
    [TestCase("price", "\"12\"", "price")]
    [TestCase("price", "true", "price")]
    [TestCase("price", "{\"amountMinor\":\"12\",\"currency\":\"EUR\"}", "price.amountMinor")]
    [TestCase("price", "{\"amountMinor\":12.5,\"currency\":\"EUR\"}", "price.amountMinor")]
    [TestCase("price", "{\"amountMinor\":1e400,\"currency\":\"EUR\"}", "price.amountMinor")]
    [TestCase("price", "{\"amountMinor\":1250,\"currency\":[\"EUR\"]}", "price.currency")]
    [TestCase("sku", "123", "sku")]
    [TestCase("name", "{}", "name")]
    [TestCase("tags", "\"a\"", "tags")]
    [TestCase("tags", "[1]", "tags[0]")]
    public Task Wrong_product_type_returns_400_naming_the_member(string member, string rawValue, string errorKey) =>
        AssertWrongTypeRefusedAsync(TestApi.Products, TestApi.RawProductJson(member, rawValue), errorKey);

    /// <summary>v1 spells the price as a decimal and the currency beside it.</summary>
    [TestCase("price", "\"12\"", "price")]
    [TestCase("price", "true", "price")]
    [TestCase("price", "1e400", "price")]
    [TestCase("currency", "[\"EUR\"]", "currency")]
    public Task V1_wrong_type_returns_400_naming_the_member(string member, string rawValue, string errorKey)
    {
        var members = new Dictionary<string, string>
        {
            ["sku"] = "\"SKU-1\"", ["name"] = "\"Widget\"", ["price"] = "12.50", ["currency"] = "\"EUR\"", ["tags"] = "[]",
        };
        members[member] = rawValue;
        return AssertWrongTypeRefusedAsync(TestApi.ProductsV1, "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}", errorKey);
    }

#endif
    private static async Task AssertWrongTypeRefusedAsync(string url, string json, string errorKey)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var keys = await KeysAsync();

        var response = await tenant.Http.PostAsync(url, TestApi.RawJson(json));

        var errors = await response.AssertValidationProblemAsync(errorKey);
        Assert.That(errors.ToString(), Does.Not.Contain("System."), "no .NET type names");
        Assert.That(await KeysAsync(), Is.EqualTo(keys));
#if (IncludeProducts)
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.Zero);
#endif
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task Unsupported_content_type_returns_415_problem(string mediaType)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, new StringContent("{}", Encoding.UTF8, mediaType));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
    }

    [Test]
    public async Task Body_without_content_type_returns_415_problem()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Body_over_one_mebibyte_returns_413_problem()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var keys = await KeysAsync();
        var content = new ByteArrayContent(new byte[MaxBodyBytes + 1]);
        content.Headers.ContentType = new("application/json");

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(await KeysAsync(), Is.EqualTo(keys));
    }

    [Test]
    public async Task Body_over_one_mebibyte_is_refused_before_authentication()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);
        var content = new ByteArrayContent(new byte[MaxBodyBytes * 2]);
        content.Headers.ContentType = new("application/json");

        var response = await anonymous.PostAsync(TestApi.Tenants, content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Body_of_exactly_one_mebibyte_is_accepted()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var json = "{\"name\":\"ci\",\"scopes\":[\"audit:read\"]}";
        var bytes = Encoding.UTF8.GetBytes(json.PadRight(MaxBodyBytes));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, content);

        Assert.That(bytes, Has.Length.EqualTo(MaxBodyBytes));
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static void AssertNoParserText(string problem) =>
        Assert.That(problem, Does.Not.Contain("LineNumber").And.Not.Contain("BytePositionInLine").And.Not.Contain("Path: $"));
}
