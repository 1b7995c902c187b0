using QuoinApi.Application.Webhooks.DeleteWebhook;
using QuoinApi.Application.Webhooks.ListWebhooks;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.ListWebhooks;

public sealed class ListWebhooksHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Lists_the_tenants_live_subscriptions_newest_first()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        var first = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var deleted = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));
        ResultAssert.Succeeded(await SendAsync(new DeleteWebhookCommand(deleted.Id), tenant));
        await WebhookTestData.SubscribeAsync(c => SendAsync(c, other));

        var page = ResultAssert.Succeeded(await SendAsync(new ListWebhooksQuery(), tenant));

        Assert.That(page.Items.Select(w => w.Id), Is.EqualTo(new[] { second.Id, first.Id }));
    }
}
