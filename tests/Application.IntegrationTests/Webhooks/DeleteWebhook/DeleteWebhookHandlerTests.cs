using QuoinApi.Application.Webhooks.DeleteWebhook;
using QuoinApi.Application.Webhooks.GetWebhook;
using QuoinApi.Domain.Common;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.DeleteWebhook;

public sealed class DeleteWebhookHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Deletes_softly_and_only_the_tenants_own()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var byOther = await SendAsync(new DeleteWebhookCommand(created.Id), other);
        ResultAssert.Succeeded(await SendAsync(new DeleteWebhookCommand(created.Id), tenant));

        Assert.That(byOther.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That((await SendAsync(new GetWebhookQuery(created.Id), tenant)).Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        Assert.That(await Database.ScalarAsync<bool>("SELECT deleted_at IS NOT NULL FROM webhook_subscriptions WHERE id = $1", created.Id), Is.True);
    }
}
