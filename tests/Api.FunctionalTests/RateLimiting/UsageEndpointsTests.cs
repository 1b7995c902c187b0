using System.Net;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>docs/http-contract.md#rate-plans-and-usage: the plans, the tenant's usage and a key's daily usage, in v1 and v2.</summary>
public sealed class UsageEndpointsTests : FunctionalTestBase
{
    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Rate_plans_are_listed_for_any_authenticated_caller(string version)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var readOnly = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var client = Factory.CreateClient(readOnly.Key);

        var body = await (await client.GetAsync($"/api/{version}/rate-plans")).AssertJsonAsync(HttpStatusCode.OK);

        var plans = body.GetProperty("items").EnumerateArray().ToList();
        Assert.That(plans.Select(p => p.GetProperty("name").GetString()), Is.EqualTo(new[] { "free", "pro", "enterprise" }));
        Assert.That(plans[0].MemberNames(), Is.EquivalentTo(new[] { "name", "requestsPerSecond", "burst", "monthlyQuota" }));
        Assert.That(plans[0].GetProperty("monthlyQuota").GetInt64(), Is.EqualTo(1_000_000_000), "The test host's configured value.");
    }

    [Test]
    public async Task Rate_plans_need_credentials() =>
        await (await Factory.CreateClient(apiKey: null).GetAsync("/api/v2/rate-plans")).AssertProblemAsync(HttpStatusCode.Unauthorized);

    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Usage_shows_the_current_calendar_month_against_the_quota(string version)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var body = await (await tenant.Http.GetAsync($"/api/{version}/usage")).AssertJsonAsync(HttpStatusCode.OK);

        var now = Factory.Clock.GetUtcNow();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body.MemberNames(), Is.EquivalentTo(new[] { "periodStart", "periodEnd", "requests", "throttled", "quota", "remaining" }));
            Assert.That(body.GetProperty("periodStart").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(body.GetProperty("periodEnd").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1)));
            Assert.That(body.GetProperty("quota").GetInt64(), Is.EqualTo(1_000_000_000));
        }
    }

    [Test]
    public async Task Usage_needs_the_usage_read_scope()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var readOnly = await tenant.Http.CreateApiKeyAsync(["audit:read"]);

        await (await Factory.CreateClient(readOnly.Key).GetAsync("/api/v2/usage")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Factory.CreateClient(readOnly.Key).GetAsync($"/api/v2/api-keys/{readOnly.Id}/usage")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [TestCase("from=2026-13-01")]
    [TestCase("to=01.02.2026")]
    [TestCase("from=2026-03-02&to=2026-03-01")]
    public async Task A_bad_date_range_is_a_400(string query)
    {
        using var tenant = await Factory.CreateTenantAsync();

        await (await tenant.Http.GetAsync($"/api/v1/api-keys/{tenant.OwnerKeyId}/usage?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Another_tenants_key_usage_is_not_found()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var other = await Factory.CreateTenantAsync("Globex");

        await (await tenant.Http.GetAsync($"/api/v2/api-keys/{other.OwnerKeyId}/usage")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
