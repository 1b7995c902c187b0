using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Application.Usage;
using QuoinApi.Infrastructure.Usage;
using QuoinApi.Testing;
using StackExchange.Redis;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>
/// docs/adr/0052-permits-leased-in-batches.md: far from its limits, a tenant's requests are served from permits Redis
/// granted to the instance in batches, with the headers and usage counts a decision per request would give.
/// </summary>
public sealed class LeasedPermitsTests : FunctionalTestBase
{
    // 1,000 requests per second and the default 50 ms window: 50 permits per Redis call, far from any limit.
    private const long Quota = 1_000_000;

    [Test]
    public async Task Far_from_its_limits_a_tenant_is_served_from_batches_of_permits_and_answered_as_if_each_request_asked_redis()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: Quota);
        var (tenantId, ownerId, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        var monthlyRemaining = new List<long>();
        for (var i = 0; i < 60; i++)
        {
            var response = await client.GetAsync(TestApi.AuditLog);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            monthlyRemaining.Add((long)response.RateLimit()["monthly"]["r"]);
            var burst = response.RateLimit()["burst"];
            Assert.That((long)burst["r"], Is.InRange(1L, 1000L));
            if ((long)burst["t"] == 0)
            {
                Assert.That(burst["r"], Is.EqualTo(1000L), "A burst that is full now has all of it left.");
            }
        }

        await host.Services.GetRequiredService<UsageFlusher>().FlushAsync(CancellationToken.None);
        var usage = await (await client.GetAsync($"{TestApi.ApiKeys}/{ownerId}/usage")).AssertJsonAsync(HttpStatusCode.OK);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await MonthCounterAsync(tenantId), Is.EqualTo(100),
                "Two Redis grants of 50 served the 60 requests: the first and the 51st request asked Redis.");
            Assert.That(monthlyRemaining, Is.EqualTo(Enumerable.Range(1, 60).Select(i => Quota - i)),
                "Each request saw the month's count go down by one, as if Redis had decided it.");
            Assert.That(usage.GetProperty("items").EnumerateArray().Single().GetProperty("requests").GetInt64(), Is.EqualTo(60),
                "Requests served from leased permits are counted like the others.");
        }
    }

    [Test]
    public async Task Permits_not_used_in_time_go_back_to_the_months_count_at_the_next_redis_call()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: Quota);
        var (tenantId, _, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        Assert.That((await client.GetAsync(TestApi.AuditLog)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var leased = await MonthCounterAsync(tenantId);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1)); // five windows: the 49 unused permits expire
        var second = await client.GetAsync(TestApi.AuditLog);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(leased, Is.EqualTo(50), "The first request leased a batch.");
            Assert.That(await MonthCounterAsync(tenantId), Is.EqualTo(1 + 50), "49 given back, then a new batch of 50 for the second request.");
            Assert.That(second.RateLimit()["monthly"]["r"], Is.EqualTo(Quota - 2));
        }
    }

    private static async Task<long> MonthCounterAsync(Guid tenantId)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestDatabase.RedisConnectionString);
        var period = UsagePeriod.Containing(Factory.Clock.GetUtcNow()).Key;
        return (long)await redis.GetDatabase().StringGetAsync($"quoin:quota:{{{tenantId:N}}}:{period}");
    }
}
