using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.Webhooks.ReplayWebhookDelivery;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Webhooks;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.ReplayWebhookDelivery;

public sealed class ReplayWebhookDeliveryHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task A_replay_is_a_new_pending_delivery_of_the_same_event()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        await PublishEventsAsync(); // the owner keys' events, before the subscription exists
        await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateApiKeyCommand("R-1", [Scopes.AuditRead], null), tenant));
        await PublishEventsAsync();
        var original = (await Database.ScalarAsync<Guid>("SELECT id FROM webhook_deliveries"))!;
        var eventId = (await Database.ScalarAsync<Guid>("SELECT event_id FROM webhook_deliveries"))!;

        var replay = ResultAssert.Succeeded(await SendAsync(new ReplayWebhookDeliveryCommand(original), tenant));
        var byOther = await SendAsync(new ReplayWebhookDeliveryCommand(original), other);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay.Id, Is.Not.EqualTo(original));
            Assert.That(replay.EventId, Is.EqualTo(eventId));
            Assert.That(replay.ReplayOf, Is.EqualTo(original));
            Assert.That(replay.Status, Is.EqualTo(WebhookDeliveryStatus.Pending));
            Assert.That(byOther.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        }
    }
}
