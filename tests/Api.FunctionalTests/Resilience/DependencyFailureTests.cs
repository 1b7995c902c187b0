using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Resilience;

/// <summary>docs/http-contract.md#8-operations: a database outage is a prompt 503 with Retry-After, never a hang or a 500; Redis trouble only degrades.</summary>
public sealed class DependencyFailureTests : FunctionalTestBase
{
    // Nothing listens on port 1 of the loopback: connections are refused at once.
    private const string UnreachablePostgres = "Host=127.0.0.1;Port=1;Database=quoinapi;Username=quoinapi;Password=quoinapi;Timeout=2";

    [Test]
    public async Task With_the_database_down_requests_get_a_prompt_503_with_retry_after_and_readiness_fails()
    {
        await using var broken = Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Postgres", UnreachablePostgres));
        using var client = broken.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "qk_test_" + new string('A', 38)); // checksum fails: no DB needed
        using var keyed = broken.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-Api-Key", QuoinApiFactory.AdminKey);

        var stopwatch = Stopwatch.StartNew();
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        var call = await keyed.GetAsync("/api/v2/tenants");
        stopwatch.Stop();

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "The process itself is fine.");
        Assert.That(call.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(call.Headers.RetryAfter, Is.Not.Null);
        Assert.That(call.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "Promptly, not after a long hang.");
    }

    [Test]
    public async Task With_redis_down_readiness_is_degraded_but_ready_and_the_api_keeps_working()
    {
        await using var degraded = Factory.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=200"));
        using var tenantClient = degraded.CreateClient();
        tenantClient.DefaultRequestHeaders.Add("X-Api-Key", QuoinApiFactory.AdminKey);

        var ready = await tenantClient.GetAsync("/health/ready");
        var body = await ready.JsonAsync();
        var created = await tenantClient.PostAsync("/api/v2/tenants", new StringContent("""{"name":"NoRedis"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["status"]!.GetValue<string>(), Is.EqualTo("degraded"));
        Assert.That(body["checks"]!["redis"]!["status"]!.GetValue<string>(), Is.EqualTo("degraded"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
