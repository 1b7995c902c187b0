using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.ApiKeys;

/// <summary>docs/http-contract.md#2-authentication-and-scopes and docs/http-contract.md#api-keys: issue, read, scope limits and revocation.</summary>
public sealed class ApiKeysTests : FunctionalTestBase
{
    [Test]
    public async Task Create_returns_201_with_location_and_the_key_shown_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var expiresAt = Factory.Clock.GetUtcNow().AddDays(30);

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys,
            new { name = "ci deploy", scopes = new[] { "keys:manage", "audit:read" }, expiresAt });

        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        var key = body.String("key");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.MemberNames(), Is.SupersetOf(new[] { "id", "name", "key", "prefix", "scopes", "createdAt", "expiresAt" }));
            Assert.That(response.Headers.Location?.ToString(), Does.EndWith($"{TestApi.ApiKeys}/{body.Id()}").IgnoreCase);
            Assert.That(body.String("name"), Is.EqualTo("ci deploy"));
            Assert.That(body.Strings("scopes"), Is.EquivalentTo(new[] { "audit:read", "keys:manage" }));
            Assert.That(key, Does.StartWith("qk_test_").And.Length.EqualTo(46));
            Assert.That(key, Does.StartWith(body.String("prefix")));
            Assert.That(body.String("prefix"), Has.Length.LessThan(key.Length - 16), "the prefix must not reveal the secret");
            Assert.That(body.String("createdAt"), Does.Match(ResponseAssertions.TimestampPattern()));
            Assert.That(body.GetProperty("expiresAt").GetDateTimeOffset(), Is.EqualTo(expiresAt).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(body.String("expiresAt"), Does.Match(ResponseAssertions.TimestampPattern()));
        }
    }

    [Test]
    public async Task Created_key_works_for_its_scopes_only()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var readOnly = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var client = Factory.CreateClient(readOnly.Key);

        var list = await client.GetAsync(TestApi.AuditLog);
        var create = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "denied", scopes = new[] { "audit:read" } });
        var keys = await client.GetAsync(TestApi.ApiKeys);

        await list.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That((await create.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), Does.Contain("keys:manage"));
        Assert.That((await keys.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), Does.Contain("keys:manage"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where name = 'denied'"), Is.Zero);
    }

#if (IncludeProducts)
    [Test]
    public async Task A_product_reader_cannot_write_products()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var readOnly = await tenant.Http.CreateApiKeyAsync(["products:read"]);
        using var client = Factory.CreateClient(readOnly.Key);

        var list = await client.GetAsync(TestApi.Products);
        var create = await client.PostAsJsonAsync(TestApi.Products, TestApi.ProductBody());

        await list.AssertJsonAsync(HttpStatusCode.OK);
        Assert.That((await create.AssertProblemAsync(HttpStatusCode.Forbidden)).Detail(), Does.Contain("products:write"));
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from products"), Is.Zero);
    }
#endif

    [Test]
    public async Task A_key_cannot_create_a_key_with_a_scope_it_lacks()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var manager = await tenant.Http.CreateApiKeyAsync(["keys:manage"]);
        using var client = Factory.CreateClient(manager.Key);

        var escalate = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "more", scopes = new[] { "keys:manage", "audit:read" } });
        var same = await client.PostAsJsonAsync(TestApi.ApiKeys, new { name = "same", scopes = new[] { "keys:manage" } });

        var problem = await escalate.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem.Detail(), Does.Contain("audit:read"));
        await same.AssertStatusAsync(HttpStatusCode.Created);
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where name = 'more'"), Is.Zero);
    }

    [Test]
    public async Task A_key_cannot_rotate_a_key_with_a_scope_it_lacks()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var manager = await tenant.Http.CreateApiKeyAsync(["keys:manage"]);
        using var client = Factory.CreateClient(manager.Key);

        var response = await client.PostAsJsonAsync($"{TestApi.ApiKeys}/{tenant.OwnerKeyId}/rotate", new { gracePeriodSeconds = 60 });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await tenant.Http.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);
    }

    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\",\"audit:fly\"]}", "scopes[1]", TestName = "Create_with_unknown_scope_returns_400")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"platform:admin\"]}", "scopes[0]", TestName = "Create_with_platform_admin_scope_returns_400")]
    [TestCase("{\"name\":\"k\",\"scopes\":[]}", "scopes", TestName = "Create_with_no_scopes_returns_400")]
    [TestCase("{\"name\":\"k\"}", "scopes", TestName = "Create_without_scopes_returns_400")]
    [TestCase("{\"scopes\":[\"audit:read\"]}", "name", TestName = "Create_without_name_returns_400")]
    [TestCase("{\"name\":\" \",\"scopes\":[\"audit:read\"]}", "name", TestName = "Create_with_blank_name_returns_400")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "expiresAt",
        TestName = "Create_with_expiresAt_in_the_past_returns_400")]
    [TestCase("{\"name\":\"k\",\"scopes\":[\"audit:read\"],\"expiresAt\":\"next week\"}", "expiresAt",
        TestName = "Create_with_unreadable_expiresAt_returns_400")]
    public async Task Create_with_invalid_body_returns_400(string body, string member)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsync(TestApi.ApiKeys, TestApi.RawJson(body));

        await response.AssertValidationProblemAsync(member);
        Assert.That(await Factory.Database.ScalarAsync<long>("select count(*) from api_keys where tenant_id is not null"), Is.EqualTo(1));
    }

    [Test]
    public async Task Create_with_expiresAt_a_minute_ago_on_the_api_clock_returns_400()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys,
            new { name = "k", scopes = new[] { "audit:read" }, expiresAt = Factory.Clock.GetUtcNow().AddMinutes(-1) });

        await response.AssertValidationProblemAsync("expiresAt");
    }

    [Test]
    public async Task Create_with_name_over_100_characters_returns_400()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = new string('k', 101), scopes = new[] { "audit:read" } });

        await response.AssertValidationProblemAsync("name");
    }

    [Test]
    public async Task List_and_get_never_return_the_secret_or_its_hash()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateApiKeyAsync(["audit:read"]);

        var listResponse = await tenant.Http.GetAsync(TestApi.ApiKeys);
        var getResponse = await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}");

        var list = await listResponse.AssertJsonAsync(HttpStatusCode.OK);
        var get = await getResponse.AssertJsonAsync(HttpStatusCode.OK);
        var listText = await listResponse.Content.ReadAsStringAsync();
        var getText = await getResponse.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(list.Items().Select(k => k.Id()), Is.EquivalentTo(new[] { created.Id, tenant.OwnerKeyId }));
            Assert.That(get.Id(), Is.EqualTo(created.Id));
            Assert.That(get.String("prefix"), Is.EqualTo(created.Body.String("prefix")));
            foreach (var document in new[] { list, get })
            {
                foreach (var forbidden in new[] { "key", "secret", "secretHash", "hash" })
                {
                    Assert.That(document.FindMembers(forbidden), Is.Empty, $"'{forbidden}' returned: {document}");
                }
            }

            foreach (var text in new[] { listText, getText })
            {
                Assert.That(text, Does.Not.Contain(created.Key).And.Not.Contain(created.Key[12..]));
                Assert.That(text, Does.Not.Contain(tenant.OwnerKey[12..]));
            }
        }
    }

    [Test]
    public async Task Get_shows_lastUsedAt_after_the_key_is_used()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        var before = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(before.TryGetProperty("lastUsedAt", out var unused) && unused.ValueKind != JsonValueKind.Null, Is.False,
            "a key never used has no lastUsedAt");
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var usedAt = Factory.Clock.GetUtcNow();
        using var client = Factory.CreateClient(created.Key);
        await (await client.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        var after = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.That(after.String("lastUsedAt"), Does.Match(ResponseAssertions.TimestampPattern()));
        Assert.That(after.GetProperty("lastUsedAt").GetDateTimeOffset(), Is.EqualTo(usedAt).Within(TimeSpan.FromMilliseconds(1)));

        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var usedAgainAt = Factory.Clock.GetUtcNow();
        await (await client.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        var later = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(later.GetProperty("lastUsedAt").GetDateTimeOffset(), Is.EqualTo(usedAgainAt).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task Get_of_unknown_key_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Revoke_returns_204_and_the_key_is_refused_at_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var client = Factory.CreateClient(created.Key);
        await (await client.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        var revoked = await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{created.Id}");

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        var refused = await client.GetAsync(TestApi.AuditLog);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(refused.Headers.WwwAuthenticate, Is.Not.Empty);
        await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var list = await (await tenant.Http.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Items().Select(k => k.Id()), Does.Not.Contain(created.Id));
        await (await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{created.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_key_can_revoke_itself_and_is_refused_afterwards()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var revoked = await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{tenant.OwnerKeyId}");

        await revoked.AssertStatusAsync(HttpStatusCode.NoContent);
        await (await tenant.Http.GetAsync(TestApi.AuditLog)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Revoke_of_unknown_key_returns_404()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{Guid.CreateVersion7()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Expired_key_returns_401()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await tenant.Http.CreateApiKeyAsync(["audit:read"], expiresAt: Factory.Clock.GetUtcNow().AddMinutes(1));
        using var client = Factory.CreateClient(created.Key);
        await (await client.GetAsync(TestApi.AuditLog)).AssertStatusAsync(HttpStatusCode.OK);

        Factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var response = await client.GetAsync(TestApi.AuditLog);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty);
    }

    [Test]
    public async Task Platform_admin_key_cannot_manage_tenant_keys()
    {
        using var admin = Factory.CreateAdminClient();

        var response = await admin.PostAsJsonAsync(TestApi.ApiKeys, new { name = "k", scopes = new[] { "audit:read" } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
#if (IncludeJwt)
    [Test]
    public async Task Principal_without_a_tenant_cannot_see_or_revoke_the_platform_admin_key()
    {
        var bootstrapKeyId = await Factory.Database.ScalarAsync<Guid>("select id from api_keys where tenant_id is null");
        // Only platform-admin tokens may come without a tenant (a tenantless token is otherwise a 401, see JwtAuthenticationTests).
        using var client = Factory.CreateJwtClient(Factory.CreateValidJwt(tenantId: null, "platform:admin keys:manage audit:read"));

        var list = await client.GetAsync(TestApi.ApiKeys);
        var get = await client.GetAsync($"{TestApi.ApiKeys}/{bootstrapKeyId}");
        var revoke = await client.DeleteAsync($"{TestApi.ApiKeys}/{bootstrapKeyId}");

        Assert.That((await list.AssertJsonAsync(HttpStatusCode.OK)).Items(), Is.Empty);
        await get.AssertProblemAsync(HttpStatusCode.NotFound);
        await revoke.AssertProblemAsync(HttpStatusCode.NotFound);
        using var admin = Factory.CreateAdminClient();
        await (await admin.GetAsync(TestApi.Tenants)).AssertStatusAsync(HttpStatusCode.OK);
    }
#endif
}
