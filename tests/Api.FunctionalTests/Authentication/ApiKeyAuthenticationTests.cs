using System.Net;
using System.Net.Http.Headers;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Api.FunctionalTests.Authentication;

/// <summary>docs/http-contract.md#2-authentication-and-scopes: API keys in X-Api-Key or Authorization: Bearer; bad credentials are 401 problems with WWW-Authenticate.</summary>
public sealed class ApiKeyAuthenticationTests : FunctionalTestBase
{
    [Test]
    public async Task Authorization_bearer_key_works_like_x_api_key()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateApiKeyAsync(["audit:read"], name: "second");
        using var client = Factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.OwnerKey);

        var list = await (await client.GetAsync($"{TestApi.ApiKeys}?sort=createdAt")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.That(list.Items().Select(k => k.String("name")), Is.EqualTo(new[] { "Owner", "second" }));
    }

    [Test]
    public async Task Bootstrap_admin_key_works_as_a_bearer_token()
    {
        using var client = Factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", QuoinApiFactory.AdminKey);

        var response = await client.GetAsync(TestApi.Tenants);

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [TestCase("qk_live_abc", TestName = "Key_too_short_returns_401")]
    [TestCase("garbage", TestName = "Key_without_format_returns_401")]
    [TestCase("", TestName = "Empty_key_returns_401")]
    [TestCase("qk_test_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!000000", TestName = "Key_with_non_base62_characters_returns_401")]
    [TestCase("qk_prod_0123456789abcdefghijABCDEFGHIJ01000000", TestName = "Key_with_unknown_environment_returns_401")]
    public async Task Malformed_x_api_key_returns_401_problem_with_www_authenticate(string key)
    {
        using var client = Factory.CreateClient(key);

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Key_with_one_character_changed_fails_the_checksum_and_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var key = tenant.OwnerKey;
        var tampered = key[..20] + (key[20] == 'a' ? 'b' : 'a') + key[21..];
        using var client = Factory.CreateClient(tampered);

        var response = await client.GetAsync(TestApi.AuditLog);

        var problem = await AssertUnauthorizedAsync(response);
        Assert.That(problem.Detail(), Does.Contain("malformed"));
    }

    [Test]
    public async Task Well_formed_key_that_was_never_issued_returns_401()
    {
        var unknown = ApiKeySecret.Generate(ApiKeyEnvironment.Test).Value;
        using var client = Factory.CreateClient(unknown);

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

    [TestCase("garbage")]
    [TestCase("qk_live_abc")]
    public async Task Malformed_bearer_key_returns_401(string key)
    {
        using var client = Factory.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Two_api_key_headers_are_refused_even_when_the_first_is_valid()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateClient(apiKey: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, TestApi.AuditLog);
        request.Headers.TryAddWithoutValidation("X-Api-Key", [tenant.OwnerKey, "qk_test_other"]);

        var response = await client.SendAsync(request);

        var problem = await AssertUnauthorizedAsync(response);
        Assert.That(problem.Detail(), Does.Contain("More than one credential"));
    }

    [Test]
    public async Task Api_key_beside_a_different_bearer_key_is_refused()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var other = await Factory.CreateTenantAsync("Other");
        using var client = Factory.CreateClient(tenant.OwnerKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.OwnerKey);

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

#if (IncludeJwt)
    [Test]
    public async Task Api_key_beside_a_jwt_is_refused()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateClient(tenant.OwnerKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Factory.CreateValidJwt(tenant.TenantId, "audit:read"));

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }
#endif

    [Test]
    public async Task The_same_key_as_header_and_bearer_is_one_credential()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateClient(tenant.OwnerKey);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.OwnerKey);

        var response = await client.GetAsync(TestApi.AuditLog);

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task Missing_credentials_return_401_problem_with_www_authenticate()
    {
        using var client = Factory.CreateClient(apiKey: null);

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Very_long_key_returns_401()
    {
        using var client = Factory.CreateClient(new string('k', 8000));

        var response = await client.GetAsync(TestApi.AuditLog);

        await AssertUnauthorizedAsync(response);
    }

    private static async Task<System.Text.Json.JsonElement> AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
        return problem;
    }
}
