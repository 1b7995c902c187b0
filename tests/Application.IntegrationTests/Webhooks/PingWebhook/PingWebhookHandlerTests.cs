using QuoinApi.Application.Webhooks.PingWebhook;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.PingWebhook;

public sealed class PingWebhookHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Queues_a_ping_for_that_subscription_alone_whatever_its_filter()
    {
        var tenant = await CreateTenantAsync();
        var pinged = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant), "api_key.revoked");
        await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant), "webhook.ping");

        var ping = ResultAssert.Succeeded(await SendAsync(new PingWebhookCommand(pinged.Id), tenant));
        await PublishEventsAsync();

        var deliveries = await Database.ScalarAsync<string[]>("SELECT array_agg(subscription_id::text || ' ' || event_id::text) FROM webhook_deliveries");
        Assert.That(deliveries, Is.EqualTo(new[] { $"{pinged.Id} {ping.EventId}" }));
    }
}
