using System.Diagnostics;
using System.Net;
#if (IncludeRatePlans)
using System.Net.Http.Json;
#endif
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>
/// Two instances of the API on one Redis: a change made through one reaches the credential cache of the other within
/// a second (docs/http-contract.md#8-operations).
/// </summary>
public sealed class CrossInstanceCacheTests : FunctionalTestBase
{
    [Test]
    public async Task A_key_revoked_on_one_instance_is_refused_on_the_other_within_a_second()
    {
        await using var other = Factory.WithWebHostBuilder(_ => { });
        using var tenant = await Factory.CreateTenantAsync();
        var key = await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        using var onOther = other.CreateClient();
        onOther.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        Assert.That((await onOther.GetAsync(TestApi.AuditLog)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "Now cached on the other instance.");

        await (await tenant.Http.DeleteAsync($"{TestApi.ApiKeys}/{key.Id}")).AssertStatusAsync(HttpStatusCode.NoContent);
        var refusedAfter = await PollAsync(async () => (await onOther.GetAsync(TestApi.AuditLog)).StatusCode == HttpStatusCode.Unauthorized);

        Assert.That(refusedAfter, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

#if (IncludeRatePlans)
    [Test]
    public async Task A_plan_change_on_one_instance_limits_the_tenant_on_the_new_plan_on_the_other_within_a_second()
    {
        await using var first = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 10, monthlyQuota: 100_000, proBurst: 20);
        await using var second = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 10, monthlyQuota: 100_000, proBurst: 20);
        var (tenantId, _, key) = await first.CreateTenantAsync();
        using var onSecond = second.Client(key);
        Assert.That((await onSecond.GetAsync(TestApi.AuditLog)).RateLimitPolicy()["burst"]["q"], Is.EqualTo(10L));

        using var admin = first.Client(QuoinApiFactory.AdminKey);
        await (await admin.PutAsJsonAsync($"{TestApi.Tenants}/{tenantId}/rate-plan", new { ratePlan = "pro" })).AssertJsonAsync(HttpStatusCode.OK);
        var appliedAfter = await PollAsync(async () => (long)(await onSecond.GetAsync(TestApi.AuditLog)).RateLimitPolicy()["burst"]["q"] == 20L);

        Assert.That(appliedAfter, Is.LessThan(TimeSpan.FromSeconds(1)));
    }
#endif

    private static async Task<TimeSpan> PollAsync(Func<Task<bool>> done)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!await done())
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("Never happened.");
            }

            await Task.Delay(20);
        }

        return stopwatch.Elapsed;
    }
}
