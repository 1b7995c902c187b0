using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Http;

/// <summary>docs/http-contract.md#1-conventions: camelCase members, lower-case enum strings, RFC 3339 UTC timestamps with milliseconds, UUIDv7 ids.</summary>
public sealed class JsonConventionsTests : FunctionalTestBase
{
    [Test]
    public async Task Every_timestamp_in_every_body_is_utc_with_milliseconds()
    {
        using var admin = Factory.CreateAdminClient();
#if (IncludeRatePlans)
        var tenantCreated = await (await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme", ratePlan = "pro" })).AssertJsonAsync(HttpStatusCode.Created);
#else
        var tenantCreated = await (await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme" })).AssertJsonAsync(HttpStatusCode.Created);
#endif
        using var tenant = Factory.CreateClient(tenantCreated.GetProperty("ownerApiKey").String("key"));
        var key = await tenant.CreateApiKeyAsync(["audit:read"], expiresAt: Factory.Clock.GetUtcNow().AddDays(3).AddTicks(1234567));
        using var keyClient = Factory.CreateClient(key.Key);
        await (await keyClient.GetAsync("/api/v2/audit-log")).AssertStatusAsync(HttpStatusCode.OK);
        var rotated = await (await tenant.PostAsJsonAsync($"{TestApi.ApiKeys}/{key.Id}/rotate", new { gracePeriodSeconds = 90 }))
            .AssertJsonAsync(HttpStatusCode.Created);

        var documents = new Dictionary<string, JsonElement>
        {
            ["tenant created"] = tenantCreated,
            ["tenant list"] = await (await admin.GetAsync(TestApi.Tenants)).AssertJsonAsync(HttpStatusCode.OK),
            ["key created"] = key.Body,
            ["key rotated"] = rotated,
            ["key list"] = await (await tenant.GetAsync(TestApi.ApiKeys)).AssertJsonAsync(HttpStatusCode.OK),
            ["audit log"] = await (await tenant.GetAsync("/api/v2/audit-log")).AssertJsonAsync(HttpStatusCode.OK),
        };
#if (IncludeProducts)
        var product = await tenant.CreateProductAsync("SKU-1");
        await (await tenant.DeleteAsync($"{TestApi.Products}/{product.Id()}")).AssertStatusAsync(HttpStatusCode.NoContent);
        documents["product created"] = product;
        documents["product restored"] = await (await tenant.PostAsync($"{TestApi.Products}/{product.Id()}/restore", null)).AssertJsonAsync(HttpStatusCode.OK);
        documents["product list"] = await (await tenant.GetAsync(TestApi.Products)).AssertJsonAsync(HttpStatusCode.OK);
#endif

        var seen = new HashSet<string>();
        using (Assert.EnterMultipleScope())
        {
            foreach (var (label, document) in documents)
            {
                foreach (var member in new[] { "createdAt", "updatedAt", "expiresAt", "lastUsedAt", "graceEndsAt", "deletedAt" })
                {
                    foreach (var value in document.FindMembers(member))
                    {
                        seen.Add(member);
                        Assert.That(value.GetString(), Does.Match(ResponseAssertions.TimestampPattern()), $"{label}: {member}");
                    }
                }
            }
        }

        Assert.That(seen, Is.SupersetOf(new[] { "createdAt", "updatedAt", "expiresAt", "lastUsedAt", "graceEndsAt" }), "the test saw every kind of timestamp");
    }

    [Test]
    public async Task Members_are_camel_case_and_enums_lower_case_strings()
    {
        using var admin = Factory.CreateAdminClient();
#if (IncludeRatePlans)
        var tenant = await (await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme", ratePlan = "enterprise" })).AssertJsonAsync(HttpStatusCode.Created);
#else
        var tenant = await (await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Acme" })).AssertJsonAsync(HttpStatusCode.Created);
#endif
        using var owner = Factory.CreateClient(tenant.GetProperty("ownerApiKey").String("key"));
        var key = await owner.CreateApiKeyAsync(["audit:read"], expiresAt: Factory.Clock.GetUtcNow().AddDays(1));
#if (IncludeProducts)
        var product = await owner.CreateProductAsync();
        JsonElement[] documents = [tenant, key.Body, product];
#else
        JsonElement[] documents = [tenant, key.Body];
#endif

        using (Assert.EnterMultipleScope())
        {
            foreach (var document in documents)
            {
                foreach (var name in AllMemberNames(document))
                {
                    Assert.That(name, Does.Match("^[a-z][A-Za-z0-9]*$"), $"member '{name}'");
                }
            }

#if (IncludeRatePlans)
            Assert.That(tenant.GetProperty("ratePlan").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(tenant.String("ratePlan"), Is.EqualTo("enterprise"));
#endif
            Assert.That(tenant.Id().Version, Is.EqualTo(7));
            Assert.That(tenant.GetProperty("ownerApiKey").Id().Version, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task Responses_are_json_with_utf8()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(TestApi.ApiKeys, new { name = "Zürich ✓ 東京", scopes = new[] { "audit:read" } });

        var key = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(key.String("name"), Is.EqualTo("Zürich ✓ 東京"));
        var fetched = await (await tenant.Http.GetAsync($"{TestApi.ApiKeys}/{key.Id()}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.That(fetched.String("name"), Is.EqualTo("Zürich ✓ 東京"));
    }

    private static IEnumerable<string> AllMemberNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllMemberNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllMemberNames),
        _ => [],
    };
}
