using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Infrastructure.Webhooks;

namespace QuoinApi.Api.FunctionalTests.Webhooks;

/// <summary>
/// With the guard on (Webhooks:AllowPrivateNetworks=false, the production setting), receivers in private networks are
/// refused when a subscription is created or changed, and again when a connection is made.
/// </summary>
public sealed class WebhookNetworkGuardTests : FunctionalTestBase
{
    private static WebApplicationFactory<Program>? _guarded;

    private static WebApplicationFactory<Program> Guarded => _guarded ??= Factory.WithWebHostBuilder(builder => builder.UseSetting("Webhooks:AllowPrivateNetworks", "false"));

    [OneTimeTearDown]
    public static async Task StopGuardedAsync()
    {
        if (_guarded is not null)
        {
            await _guarded.DisposeAsync();
        }
    }

    [TestCase("https://127.0.0.1/hooks", TestName = "loopback IPv4")]
    [TestCase("https://[::1]/hooks", TestName = "loopback IPv6")]
    [TestCase("https://localhost/hooks", TestName = "loopback by DNS name")]
    [TestCase("https://10.1.2.3/hooks", TestName = "private 10/8")]
    [TestCase("https://172.16.5.4/hooks", TestName = "private 172.16/12")]
    [TestCase("https://192.168.0.10/hooks", TestName = "private 192.168/16")]
    [TestCase("https://169.254.169.254/latest/meta-data", TestName = "cloud metadata (link-local)")]
    [TestCase("https://[fe80::1]/hooks", TestName = "link-local IPv6")]
    [TestCase("https://[fd00::1]/hooks", TestName = "unique local IPv6")]
    [TestCase("https://[::ffff:127.0.0.1]/hooks", TestName = "IPv4-mapped loopback")]
    [TestCase("https://100.64.0.1/hooks", TestName = "carrier-grade NAT")]
    [TestCase("https://0.0.0.0/hooks", TestName = "this network")]
    [TestCase("http://1.1.1.1/hooks", TestName = "plain http")]
    public async Task A_receiver_outside_the_public_internet_is_refused_at_creation(string url)
    {
        using var tenant = await CreateGuardedTenantAsync();
        var response = await tenant.PostAsJsonAsync(WebhookApi.Webhooks, new { url, events = new[] { "api_key.created" } });
        await response.AssertValidationProblemAsync("url");
    }

    [Test]
    public async Task A_change_to_a_private_url_is_refused_too()
    {
        using var tenant = await CreateGuardedTenantAsync();
        var created = await tenant.CreateWebhookAsync("https://1.1.1.1/hooks", ["api_key.created"]);
        var response = await tenant.MergePatchAsync($"{WebhookApi.Webhooks}/{created.Id()}", """{"url":"https://localhost/hooks"}""");
        await response.AssertValidationProblemAsync("url");
    }

    [TestCase("localhost")]
    [TestCase("127.0.0.1")]
    public async Task Connections_to_private_addresses_are_refused_when_made_also_by_dns_name(string host)
    {
        using var receiver = new WebhookReceiver();
        var guard = new WebhookUrlGuard(Options.Create(new WebhookOptions { AllowPrivateNetworks = false }));
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = guard.ConnectAsync, AllowAutoRedirect = false });

        var failure = Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"http://{host}:{receiver.Port}/hooks", new StringContent("{}")));
        await Task.Delay(200);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure!.InnerException, Is.TypeOf<WebhookTargetRefusedException>());
            Assert.That(receiver.Received, Is.Empty, "no connection was made");
        }
    }

    private static async Task<HttpClient> CreateGuardedTenantAsync()
    {
        using var admin = Guarded.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", QuoinApiFactory.AdminKey);
        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Guarded" });
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);
        var client = Guarded.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("ownerApiKey").String("key"));
        return client;
    }
}
