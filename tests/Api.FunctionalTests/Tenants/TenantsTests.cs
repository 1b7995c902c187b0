using System.Net;
using System.Net.Http.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Tenants;

#if (IncludeRatePlans)
/// <summary>docs/http-contract.md#tenants: platform administrators create, list, read, re-plan and delete tenants.</summary>
#else
/// <summary>docs/http-contract.md#tenants: platform administrators create, list, read and delete tenants.</summary>
#endif
public sealed class TenantsTests : FunctionalTestBase
{
    [Test]
    public async Task Create_returns_201_with_location_and_an_owner_key_holding_every_tenant_scope()
    {
        using var admin = Factory.CreateAdminClient();

#if (IncludeRatePlans)
        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme", ratePlan = "pro" });
#else
        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme" });
#endif

        var tenant = await response.AssertJsonAsync(HttpStatusCode.Created);
        var owner = tenant.GetProperty("ownerApiKey");
        var key = owner.String("key");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"{TestApi.Tenants}/{tenant.Id()}").IgnoreCase);
            Assert.That(tenant.String("name"), Is.EqualTo("Acme"));
#if (IncludeRatePlans)
            Assert.That(tenant.String("ratePlan"), Is.EqualTo("pro"));
#else
            Assert.That(tenant.TryGetProperty("ratePlan", out _), Is.False, "no plan without rate plans");
#endif
            Assert.That(owner.Id(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(owner.Strings("scopes"), Is.EquivalentTo(TestApi.TenantScopes));
            Assert.That(key, Does.StartWith("qk_test_"));
            Assert.That(key, Has.Length.EqualTo(46));
            Assert.That(key[8..], Does.Match("^[0-9A-Za-z]+$"));
        }
    }

#if (IncludeRatePlans)
    [Test]
    public async Task Create_without_a_rate_plan_defaults_to_free()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme" });

        var tenant = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(tenant.String("ratePlan"), Is.EqualTo("free"));
    }
#else
    [Test]
    public async Task Create_with_a_rate_plan_returns_400_naming_it_as_no_plan_is_enforced()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme", ratePlan = "pro" });

        await response.AssertValidationProblemAsync("ratePlan");
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from tenants"), Is.Zero);
    }
#endif

    [Test]
    public async Task Created_owner_key_authenticates_as_the_tenant()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync(TestApi.AuditLog);

        await response.AssertJsonAsync(HttpStatusCode.OK);
    }

#if (IncludeRatePlans)
    [TestCase("{\"name\":\"Acme\",\"ratePlan\":\"gold\"}", "ratePlan", TestName = "Create_with_unknown_plan_gold_returns_400")]
    [TestCase("{\"name\":\"Acme\",\"ratePlan\":1}", "ratePlan", TestName = "Create_with_integer_plan_returns_400")]
    [TestCase("{\"ratePlan\":\"free\"}", "name", TestName = "Create_without_name_returns_400_with_errors_name")]
#else
    [TestCase("{}", "name", TestName = "Create_without_name_returns_400_with_errors_name")]
#endif
    [TestCase("{\"name\":\"   \"}", "name", TestName = "Create_with_blank_name_returns_400_with_errors_name")]
    public async Task Create_with_invalid_body_returns_400(string body, string member)
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsync(TestApi.Tenants, TestApi.RawJson(body));

        await response.AssertValidationProblemAsync(member);
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from tenants"), Is.Zero);
    }

    [Test]
    public async Task Create_with_name_over_200_characters_returns_400()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = new string('a', 201) });

        await response.AssertValidationProblemAsync("name");
    }

    [Test]
    public async Task List_returns_the_created_tenants_newest_first_without_secrets()
    {
        using var first = await Factory.CreateTenantAsync("First");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var second = await Factory.CreateTenantAsync("Second");
        using var admin = Factory.CreateAdminClient();

        var list = await (await admin.GetAsync(TestApi.Tenants)).AssertJsonAsync(HttpStatusCode.OK);

        var items = list.Items();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(items.Select(t => t.Id()), Is.EqualTo(new[] { second.TenantId, first.TenantId }));
            Assert.That(items.Select(t => t.String("name")), Is.EqualTo(new[] { "Second", "First" }));
            Assert.That(list.FindMembers("ownerApiKey"), Is.Empty);
            Assert.That(list.FindMembers("key"), Is.Empty);
        }
    }

    [Test]
    public async Task Get_returns_the_tenant()
    {
#if (IncludeRatePlans)
        using var tenant = await Factory.CreateTenantAsync("Acme", "enterprise");
#else
        using var tenant = await Factory.CreateTenantAsync("Acme");
#endif
        using var admin = Factory.CreateAdminClient();

        var body = await (await admin.GetAsync($"{TestApi.Tenants}/{tenant.TenantId}")).AssertJsonAsync(HttpStatusCode.OK);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.Id(), Is.EqualTo(tenant.TenantId));
            Assert.That(body.String("name"), Is.EqualTo("Acme"));
#if (IncludeRatePlans)
            Assert.That(body.String("ratePlan"), Is.EqualTo("enterprise"));
#endif
            Assert.That(body.String("createdAt"), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(body.TryGetProperty("ownerApiKey", out _), Is.False);
        }
    }

    [Test]
    public async Task Get_of_unknown_tenant_returns_404()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.GetAsync($"{TestApi.Tenants}/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

#if (IncludeRatePlans)
    [Test]
    public async Task Change_rate_plan_returns_the_tenant_with_the_new_plan()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();

        var changed = await admin.PutAsJsonAsync($"{TestApi.Tenants}/{tenant.TenantId}/rate-plan", new { ratePlan = "enterprise" });

        Assert.That((await changed.AssertJsonAsync(HttpStatusCode.OK)).String("ratePlan"), Is.EqualTo("enterprise"));
        var fetched = await (await admin.GetAsync($"{TestApi.Tenants}/{tenant.TenantId}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(fetched.String("ratePlan"), Is.EqualTo("enterprise"));
    }

    [TestCase("{\"ratePlan\":\"gold\"}")]
    [TestCase("{\"ratePlan\":null}")]
    [TestCase("{}")]
    public async Task Change_rate_plan_to_an_invalid_plan_returns_400(string body)
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PutAsync($"{TestApi.Tenants}/{tenant.TenantId}/rate-plan", TestApi.RawJson(body));

        await response.AssertValidationProblemAsync("ratePlan");
    }

    [Test]
    public async Task Change_rate_plan_of_unknown_tenant_returns_404()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PutAsJsonAsync($"{TestApi.Tenants}/{Guid.CreateVersion7()}/rate-plan", new { ratePlan = "pro" });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
#endif

    [Test]
    public async Task Delete_returns_204_then_the_tenant_is_gone_and_its_keys_stop_working()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var otherKey = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var otherClient = Factory.CreateClient(otherKey.Key);
        await (await tenant.Http.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
        await (await otherClient.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
        using var admin = Factory.CreateAdminClient();

        var deleted = await admin.DeleteAsync($"{TestApi.Tenants}/{tenant.TenantId}");

        await deleted.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"{TestApi.Tenants}/{tenant.TenantId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await admin.GetAsync(TestApi.Tenants)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Items().Select(t => t.Id()), Does.Not.Contain(tenant.TenantId));
#if (IncludeRatePlans)
        await (await admin.PutAsJsonAsync($"{TestApi.Tenants}/{tenant.TenantId}/rate-plan", new { ratePlan = "pro" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
#endif

        // Keys that were just used (and so are cached) are refused at once.
        var ownerResponse = await tenant.Http.GetAsync(TestApi.AuditLog);
        await ownerResponse.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(ownerResponse.Headers.WwwAuthenticate, Is.Not.Empty);
        await (await otherClient.GetAsync(TestApi.AuditLog)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Delete_twice_returns_404_the_second_time()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var admin = Factory.CreateAdminClient();
        await (await admin.DeleteAsync($"{TestApi.Tenants}/{tenant.TenantId}")).AssertStatusAsync(HttpStatusCode.NoContent);

        var again = await admin.DeleteAsync($"{TestApi.Tenants}/{tenant.TenantId}");

        await again.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Delete_of_unknown_tenant_returns_404()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.DeleteAsync($"{TestApi.Tenants}/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Tenant_owner_key_calling_tenants_returns_403_problem_naming_the_scope()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var list = await tenant.Http.GetAsync(TestApi.Tenants);
        var create = await tenant.Http.PostAsJsonAsync(TestApi.Tenants, new { name = "Mine" });
#if (IncludeRatePlans)
        var replan = await tenant.Http.PutAsJsonAsync($"{TestApi.Tenants}/{tenant.TenantId}/rate-plan", new { ratePlan = "enterprise" });
#endif
        var delete = await tenant.Http.DeleteAsync($"{TestApi.Tenants}/{tenant.TenantId}");

#if (IncludeRatePlans)
        foreach (var response in new[] { list, create, replan, delete })
#else
        foreach (var response in new[] { list, create, delete })
#endif
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.That(problem.Detail(), Does.Contain("platform:admin"));
        }

        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from tenants"), Is.EqualTo(1));
    }

    [Test]
    public async Task Anonymous_call_to_tenants_returns_401_with_www_authenticate()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync(TestApi.Tenants);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }
}
