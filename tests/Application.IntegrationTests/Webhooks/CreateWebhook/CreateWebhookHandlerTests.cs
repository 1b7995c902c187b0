using QuoinApi.Application.Webhooks.CreateWebhook;
using QuoinApi.Domain.Common;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.CreateWebhook;

/// <summary>Here the private-network guard is on (the production default): receivers must be public https URLs.</summary>
public sealed class CreateWebhookHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Creates_an_enabled_subscription_and_returns_its_secret_once()
    {
        var tenant = await CreateTenantAsync();
        var created = ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/hooks", ["api_key.rotated", "api_key.created"], "sync"), tenant));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Secret, Does.Match("^whsec_[A-Za-z0-9+/]{43}=$"));
            Assert.That(created.Enabled, Is.True);
            Assert.That(created.Events, Is.EqualTo(new[] { "api_key.created", "api_key.rotated" }));
            Assert.That(await Database.ScalarAsync<string>("SELECT secret FROM webhook_subscriptions WHERE id = $1", created.Id), Is.EqualTo(created.Secret));
        }
    }

    [TestCase("https://127.0.0.1/hooks")]
    [TestCase("https://[::1]/hooks")]
    [TestCase("https://169.254.169.254/latest")]
    [TestCase("https://10.0.0.7/hooks")]
    [TestCase("http://1.1.1.1/hooks")]
    [TestCase("https://user:pass@1.1.1.1/hooks")]
    [TestCase("not a url")]
    public async Task Refuses_receivers_that_are_not_public_https_urls(string url)
    {
        var tenant = await CreateTenantAsync();
        var result = await SendAsync(new CreateWebhookCommand(url, ["api_key.created"], null), tenant);

        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(result.Error!.ValidationErrors!.Keys, Is.EqualTo(new[] { "url" }));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM webhook_subscriptions"), Is.Zero);
    }

    [Test]
    public async Task Refuses_unknown_event_types_and_callers_without_a_tenant()
    {
        var tenant = await CreateTenantAsync();
        var unknown = await SendAsync(new CreateWebhookCommand("https://1.1.1.1/hooks", ["api_key.exploded"], null), tenant);
        var platform = await SendAsync(new CreateWebhookCommand("https://1.1.1.1/hooks", ["api_key.created"], null));

        Assert.That(unknown.Error!.ValidationErrors!.Keys, Is.EqualTo(new[] { "events" }));
        Assert.That(platform.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
    }
}
