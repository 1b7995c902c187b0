using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Resilience;

/// <summary>docs/http-contract.md#8-operations: shutdown (readiness fails at once while requests are still served) and CORS (docs/http-contract.md#security).</summary>
public sealed class ShutdownAndCorsTests : FunctionalTestBase
{
    [Test]
    public async Task On_shutdown_readiness_fails_at_once_while_liveness_and_requests_still_work()
    {
        var stopping = Factory.WithWebHostBuilder(builder => builder.UseSetting("Shutdown:ReadinessDelaySeconds", "3"));
        using var client = stopping.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", QuoinApiFactory.AdminKey);
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        stopping.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");
        var work = await client.GetAsync("/api/v2/tenants");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await ready.JsonAsync())["checks"]!["shutdown"]!["status"]!.GetValue<string>(), Is.EqualTo("unhealthy"));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(work.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Requests arriving during the readiness delay are served.");
        await stopping.DisposeAsync();
    }

    [Test]
    public async Task Cors_is_off_unless_origins_are_configured()
    {
        using var client = Factory.CreateClient(apiKey: null);
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v2/api-keys");
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await client.SendAsync(request);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Configured_origins_get_cors_headers_without_credentials()
    {
        await using var withCors = Factory.WithWebHostBuilder(builder => builder.UseSetting("Cors:AllowedOrigins:0", "https://app.example"));
        using var client = withCors.CreateClient();
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v2/api-keys");
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key,idempotency-key");
        var foreign = new HttpRequestMessage(HttpMethod.Options, "/api/v2/api-keys");
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "POST");

        var allowed = await client.SendAsync(preflight);
        var refused = await client.SendAsync(foreign);

        Assert.That(allowed.Header("Access-Control-Allow-Origin"), Is.EqualTo("https://app.example"));
        Assert.That(allowed.Headers.Contains("Access-Control-Allow-Credentials"), Is.False);
        Assert.That(refused.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }
}
