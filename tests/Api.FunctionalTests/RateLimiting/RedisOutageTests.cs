using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using StackExchange.Redis;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>
/// docs/http-contract.md#8-operations: while Redis is down the API keeps serving on per-instance limits and reports
/// degraded (still ready); when Redis is back, the shared limits are used again.
/// </summary>
public sealed class RedisOutageTests : FunctionalTestBase
{
    [Test]
    public async Task Redis_stopped_mid_test_serves_on_local_limits_with_degraded_readiness_then_returns_to_global_limits()
    {
        await using var redis = await DedicatedRedis.StartAsync();
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1, burst: 3, monthlyQuota: 1000, redis: redis.ConnectionString);
        var (tenantId, _, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        Assert.That((await client.GetAsync(TestApi.AuditLog)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ReadinessAsync(host), Is.EqualTo((HttpStatusCode.OK, "healthy")));

        await redis.StopAsync();
        Assert.That(await WaitForReadinessAsync(host, "degraded"), Is.EqualTo((HttpStatusCode.OK, "degraded")), "Degraded, still ready.");

        // The local limiter starts with a full burst of 3 (the test's clock stands still now, so it does not refill).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync(TestApi.AuditLog)).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }),
            "Served without Redis, and still limited, per instance.");

        // Authentication never needs Redis: a key no cache has seen yet is checked against the database.
        var (_, _, newKey) = await host.CreateTenantAsync();
        using var newClient = host.Client(newKey);
        Assert.That((await newClient.GetAsync(TestApi.AuditLog)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await redis.StartAgainAsync();
        Assert.That(await WaitForReadinessAsync(host, "healthy"), Is.EqualTo((HttpStatusCode.OK, "healthy")));

        // The new Redis starts empty: its month counter says 1 of 1000 used, where the local count (seeded with the old
        // Redis' count, plus what it served) would say at least 4; and the tenant's burst state is in Redis.
        var back = await client.GetAsync(TestApi.AuditLog);
        Assert.That(back.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(back.RateLimit()["monthly"]["r"], Is.EqualTo(999L), "Decided by the shared limiter again.");
        await using var direct = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.That(await direct.GetDatabase().KeyExistsAsync("quoin:rl:{" + tenantId.ToString("N") + "}"), Is.True);
    }

    private static async Task<(HttpStatusCode Status, string Health)> WaitForReadinessAsync(WebApplicationFactory<Program> host, string expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // The probe caches its answer for a second of the app's clock, which the tests drive.
            FunctionalTestSetup.Factory.Clock.Advance(TimeSpan.FromSeconds(1.1));
            var readiness = await ReadinessAsync(host);
            if (readiness.Health == expected || DateTime.UtcNow > deadline)
            {
                return readiness;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<(HttpStatusCode Status, string Health)> ReadinessAsync(WebApplicationFactory<Program> host)
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("status").GetString()!);
    }
}
