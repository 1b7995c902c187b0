using System.Net;
using System.Text.Json;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>docs/http-contract.md#4-event-types: <c>quota.warning</c> at 80 % and <c>quota.exhausted</c>, each once per period, through the outbox.</summary>
public sealed class QuotaEventsTests : FunctionalTestBase
{
    [Test]
    public async Task Crossing_80_percent_and_the_last_unit_each_raise_one_event_in_the_tenants_log()
    {
        await using var host = RateLimitHosts.Create(requestsPerSecond: 1000, burst: 1000, monthlyQuota: 5);
        var (tenantId, _, key) = await host.CreateTenantAsync();
        using var client = host.Client(key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync(TestApi.AuditLog)).StatusCode);
        }

        var events = await PublishedQuotaEventsAsync(tenantId, expected: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.OK), "the quota's five requests are served");
            Assert.That(statuses.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "then the quota is exhausted");
            Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "quota.warning", "quota.exhausted" }),
                "each threshold once, however many requests the exhausted quota refused");
        }

        var warning = events[0].Data.RootElement;
        var exhausted = events[1].Data.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.GetProperty("requests").GetInt64(), Is.EqualTo(4), "80 % of 5 is the 4th request");
            Assert.That(warning.GetProperty("quota").GetInt64(), Is.EqualTo(5));
            Assert.That(warning.GetProperty("remaining").GetInt64(), Is.EqualTo(1));
            Assert.That(exhausted.GetProperty("requests").GetInt64(), Is.EqualTo(5));
            Assert.That(exhausted.GetProperty("remaining").GetInt64(), Is.Zero);
            Assert.That(DateTimeOffset.Parse(exhausted.GetProperty("periodStart").GetString()!, System.Globalization.CultureInfo.InvariantCulture).Day,
                Is.EqualTo(1), "the period is the calendar month");
        }
    }

    /// <summary>The tenant's published quota events, oldest first, once <paramref name="expected"/> of them are there (or after 15 s).</summary>
    private static async Task<List<(string Type, JsonDocument Data)>> PublishedQuotaEventsAsync(Guid tenantId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var count = await Factory.Database.ScalarAsync<long>(
                "SELECT count(*) FROM events WHERE tenant_id = $1 AND type LIKE 'quota.%' AND position IS NOT NULL", tenantId);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        var rows = await Factory.Database.ScalarAsync<string>(
            "SELECT coalesce(json_agg(json_build_object('type', type, 'data', data) ORDER BY position)::text, '[]') " +
            "FROM events WHERE tenant_id = $1 AND type LIKE 'quota.%'", tenantId);
        using var parsed = JsonDocument.Parse(rows!);
        return [.. parsed.RootElement.EnumerateArray().Select(row =>
            (row.GetProperty("type").GetString()!, JsonDocument.Parse(row.GetProperty("data").GetRawText())))];
    }
}
