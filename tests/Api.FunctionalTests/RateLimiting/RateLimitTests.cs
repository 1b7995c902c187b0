using System.Net;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Infrastructure.Usage;
using Microsoft.Extensions.DependencyInjection;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>docs/http-contract.md#rate-limits: per-tenant limits on a shared Redis budget, the headers, and 429.</summary>
public sealed class RateLimitTests : FunctionalTestBase
{
    [Test]
    public async Task A_burst_is_served_then_429_with_a_retry_after_that_is_enough_to_be_served_again()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1, burst: 3, monthlyQuota: 1000);
        var (_, _, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        var served = new List<HttpResponseMessage>();
        HttpResponseMessage refused;
        while (true)
        {
            var response = await client.GetAsync(TestApi.AuditLog);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
                break;
            }

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            served.Add(response);
            Assert.That(served, Has.Count.LessThan(10), "The limiter never refused.");
        }

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(served, Has.Count.GreaterThanOrEqualTo(3), "The whole burst is served first.");
            Assert.That(served[0].RateLimit()["burst"]["r"], Is.EqualTo(2L));
            Assert.That(served[1].RateLimit()["burst"]["r"], Is.EqualTo(1L));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("rate_limit.exceeded"));
            Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(1)), "One request per second: the next is due within a second.");
            Assert.That(refused.RateLimit()["burst"]["r"], Is.EqualTo(0L));
        }

        await Task.Delay(retryAfter!.Value);
        var again = await client.GetAsync(TestApi.AuditLog);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Waiting Retry-After is enough.");
    }

    [Test]
    public async Task The_headers_are_valid_structured_fields_naming_the_plans_burst_and_monthly_quota()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 50, burst: 100, monthlyQuota: 1_000_000);
        var (_, _, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        var response = await client.GetAsync(TestApi.AuditLog);

        var policy = response.RateLimitPolicy();
        var current = response.RateLimit();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(policy.Keys, Is.EqualTo(new[] { "burst", "monthly" }));
            Assert.That(policy["burst"]["q"], Is.EqualTo(100L));
            Assert.That(policy["burst"]["w"], Is.EqualTo(2L), "100 requests refill in 2 s at 50 per second.");
            Assert.That(policy["monthly"]["q"], Is.EqualTo(1_000_000L));
            Assert.That((long)policy["monthly"]["w"], Is.InRange(28L * 86400, 31L * 86400), "The calendar month's length.");
            Assert.That(current["burst"]["r"], Is.EqualTo(99L));
            Assert.That(current["burst"]["t"], Is.EqualTo(1L));
            Assert.That(current["monthly"]["r"], Is.EqualTo(999_999L));
            Assert.That((long)current["monthly"]["t"], Is.InRange(1L, 31L * 86400));
        }
    }

    [Test]
    public async Task Two_instances_draw_from_one_budget_per_tenant_shared_by_all_its_keys()
    {
        await using var first = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: 4);
        await using var second = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: 4);
        var (_, _, key) = await first.CreateTenantAsync();
        using var owner = first.Client(key);
        var otherKey = await owner.CreateApiKeyAsync(["audit:read"]);
        using var onFirst = first.Client(key);
        using var onSecond = second.Client(otherKey.Key);

        // Creating the second key was the first request of the month.
        var remaining = new List<object>();
        foreach (var client in new[] { onSecond, onFirst, onSecond })
        {
            var response = await client.GetAsync(TestApi.AuditLog);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            remaining.Add(response.RateLimit()["monthly"]["r"]);
        }

        var refusedOnFirst = await onFirst.GetAsync(TestApi.AuditLog);
        var refusedOnSecond = await onSecond.GetAsync(TestApi.AuditLog);

        var problem = await refusedOnSecond.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(remaining, Is.EqualTo(new object[] { 2L, 1L, 0L }), "Each instance sees the other's requests.");
            Assert.That(refusedOnFirst.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("quota.exhausted"));
            Assert.That(refusedOnSecond.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero), "Until the month ends.");
        }
    }

    [Test]
    public async Task Usage_counts_equal_the_requests_sent_and_refused()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1, burst: 5, monthlyQuota: 1000);
        var (_, ownerId, key) = await host.CreateTenantAsync();
        using var owner = host.Client(key);
        var served = 0;
        var refused = 0;
        for (var i = 0; i < 12; i++)
        {
            var response = await owner.GetAsync(TestApi.AuditLog);
            _ = response.StatusCode == HttpStatusCode.OK ? served++ : response.StatusCode == HttpStatusCode.TooManyRequests ? refused++ : throw new AssertionException($"{response.StatusCode}");
        }

        await host.Services.GetRequiredService<UsageFlusher>().FlushAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the burst refills one request for the read below
        var keyUsage = await owner.GetAsync($"{TestApi.ApiKeys}/{ownerId}/usage");
        var body = await keyUsage.AssertJsonAsync(HttpStatusCode.OK);

        var today = body.GetProperty("items").EnumerateArray().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused, Is.GreaterThan(0), "The burst of 5 was exceeded.");
            Assert.That(today.GetProperty("date").GetString(), Is.EqualTo(DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd")));
            Assert.That(today.GetProperty("requests").GetInt64(), Is.EqualTo(served));
            Assert.That(today.GetProperty("throttled").GetInt64(), Is.EqualTo(refused));
        }
    }

    [Test]
    public async Task Crossing_80_percent_and_all_of_the_quota_is_recorded_once_per_period_whichever_instance_sees_it()
    {
        await using var first = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: 5);
        await using var second = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: 5);
        var (tenantId, _, key) = await first.CreateTenantAsync();
        using var onFirst = first.Client(key);
        using var onSecond = second.Client(key);

        foreach (var client in new[] { onFirst, onSecond, onFirst, onSecond, onFirst, onSecond, onFirst })
        {
            await client.GetAsync(TestApi.AuditLog);
        }

        var recorded = await PollRecordedAsync(tenantId, expected: 2);
        Assert.That(recorded, Is.EqualTo(new[] { "exhausted:5", "warning:4" }), "4 of 5 is 80 %; each once, though both instances served requests.");
#if (IncludeEvents)
        var events = await Factory.Database.ScalarAsync<string>(
            "SELECT string_agg(type, ',' ORDER BY type) FROM events WHERE tenant_id = $1 AND type LIKE 'quota.%'", tenantId);
        Assert.That(events, Is.EqualTo("quota.exhausted,quota.warning"), "Each crossing enqueued its event in the outbox once.");
#endif
    }

    private static async Task<string[]> PollRecordedAsync(Guid tenantId, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = await Factory.Database.ScalarAsync<string>(
                "SELECT string_agg(threshold || ':' || used, ',' ORDER BY threshold) FROM quota_notifications WHERE tenant_id = $1", tenantId);
            var recorded = rows?.Split(',') ?? [];
            if (recorded.Length >= expected || attempt == 100)
            {
                return recorded;
            }

            await Task.Delay(50);
        }
    }
}
