using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Authentication;

/// <summary>
/// docs/http-contract.md#2-authentication-and-scopes: JWT bearer tokens carry tenant_id and space-separated scope; audience and lifetime are checked. The
/// refusal tests are meaningful because the acceptance tests show that a well-formed token is accepted. The resources
/// are the tenant's API keys (keys:manage) and audit log (audit:read), which every solution the template generates has.
/// </summary>
public sealed class JwtAuthenticationTests : FunctionalTestBase
{
    [Test]
    public async Task Jwt_with_tenant_and_keys_manage_lists_the_tenants_keys()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "keys:manage"));

        var list = await (await client.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK);
        var get = await client.GetAsync($"{TestApi.ApiKeys}/{tenant.OwnerKeyId}");

        Assert.That(list.Items().Select(k => k.Id()), Is.EqualTo(new[] { tenant.OwnerKeyId }));
        await get.AssertJsonAsync(HttpStatusCode.OK);
    }
    [Test]
    public async Task Jwt_with_several_scopes_can_write()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "keys:manage audit:read"));

        var created = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } });

        await created.AssertJsonAsync(HttpStatusCode.Created);
    }
    [Test]
    public async Task Jwt_of_one_tenant_does_not_see_another_tenants_keys()
    {
        using var tenantA = await Factory.CreateTenantAsync("A");
        using var tenantB = await Factory.CreateTenantAsync("B");
        var keyOfB = await tenantB.Http.CreateApiKeyAsync(["audit:read"], name: "of-b");
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantA.TenantId, "keys:manage"));

        var list = await (await client.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK);
        var get = await client.GetAsync($"{TestApi.ApiKeys}/{keyOfB.Id}");

        Assert.That(list.Items().Select(k => k.Id()), Is.EqualTo(new[] { tenantA.OwnerKeyId }));
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Jwt_with_wrong_audience_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "keys:manage", audience: "someone-else"));

        var response = await client.GetAsync(TestApi.ApiKeys);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Expired_jwt_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateExpiredJwt(tenant.TenantId, "keys:manage"));

        var response = await client.GetAsync(TestApi.ApiKeys);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Jwt_signed_with_another_key_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var token = Factory.CreateValidJwt(tenant.TenantId, "keys:manage");
        var parts = token.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        using var client = Factory.CreateJwtClient(forged);

        var response = await client.GetAsync(TestApi.ApiKeys);

        await AssertUnauthorizedAsync(response);
    }

    [Test]
    public async Task Malformed_jwt_returns_401()
    {
        using var client = Factory.CreateJwtClient("not.a.jwt");

        var response = await client.GetAsync(TestApi.ApiKeys);

        await AssertUnauthorizedAsync(response);
    }
    [TestCase("audit:read")]
    [TestCase("keys:managex")]
    [TestCase("keys")]
    [TestCase("")]
    public async Task Jwt_without_keys_manage_returns_403_naming_the_scope(string scopes)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, scopes));

        var response = await client.GetAsync(TestApi.ApiKeys);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(problem.Detail(), Does.Contain("keys:manage"));
    }
    [Test]
    public async Task Jwt_with_audit_read_reads_the_audit_log_but_cannot_create_keys()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "audit:read"));

        var read = await client.GetAsync(TestApi.AuditLog);
        var response = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } });

        await read.AssertJsonAsync(HttpStatusCode.OK);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.Detail(), Does.Contain("keys:manage"));
    }
    [Test]
    public async Task Jwt_without_tenant_cannot_create_keys()
    {
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantId: null, "keys:manage audit:read"));

        var response = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } });

        var problem = await AssertUnauthorizedAsync(response);
        Assert.That(problem.Detail(), Does.Contain("tenant_id"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where name = 'k'"), Is.Zero);
    }

    public static IEnumerable<TestCaseData> TenantClaimsThatAreNotATenant()
    {
        yield return new TestCaseData(null).SetName("Jwt_without_a_tenant_id_is_401");
        yield return new TestCaseData("acme").SetName("Jwt_with_a_tenant_id_that_is_not_a_uuid_is_401");
        yield return new TestCaseData("123").SetName("Jwt_with_a_numeric_tenant_id_is_401");
        yield return new TestCaseData("{01a20800-0000-7000-8000-000000000000}").SetName("Jwt_with_a_braced_uuid_tenant_id_is_401");
        yield return new TestCaseData(Guid.CreateVersion7().ToString()).SetName("Jwt_of_an_unknown_tenant_is_401");
    }

    [TestCaseSource(nameof(TenantClaimsThatAreNotATenant))]
    public async Task Jwt_whose_tenant_is_not_a_live_tenant_is_refused_for_reads_and_writes(string? tenantClaim)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantClaim, "audit:read keys:manage"));

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["read the audit log"] = await client.GetAsync(TestApi.AuditLog),
            ["create a key"] = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } }),
            ["list keys"] = await client.GetAsync(TestApi.ApiKeys),
        };

        foreach (var (label, response) in responses)
        {
            await AssertUnauthorizedAsync(response, label);
        }

        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where name = 'k'"), Is.Zero);
    }

    [Test]
    public async Task Jwt_of_a_deleted_tenant_stops_working_at_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenant.TenantId, "audit:read keys:manage"));
        await (await client.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK);
        using var admin = Factory.CreateAdminClient();

        await (await admin.DeleteAsync($"{TestApi.Tenants}/{tenant.TenantId}")).AssertStatusAsync(HttpStatusCode.NoContent);

        await AssertUnauthorizedAsync(await client.GetAsync(TestApi.ApiKeys), "read after the deletion");
        await AssertUnauthorizedAsync(await client.DeleteAsync($"{TestApi.ApiKeys}/{tenant.OwnerKeyId}"), "write after the deletion");
        var mint = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } });
        var problem = await AssertUnauthorizedAsync(mint, "minting a key after the deletion");
        Assert.That(problem.Detail(), Does.Contain("deleted"));
    }

    [Test]
    public async Task Platform_admin_jwt_needs_no_tenant()
    {
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantId: null, "platform:admin"));

        var response = await client.GetAsync(TestApi.Tenants);

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<System.Text.Json.JsonElement> AssertUnauthorizedAsync(HttpResponseMessage response, string? label = null)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.Fail($"{label}: expected 401 but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType), label);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty, label);
        return problem;
    }
}
