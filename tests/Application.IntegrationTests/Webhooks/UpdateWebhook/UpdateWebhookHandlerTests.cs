using QuoinApi.Application.Webhooks.UpdateWebhook;
using QuoinApi.Domain.Common;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Changes_only_the_given_members()
    {
        var tenant = await CreateTenantAsync();
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var updated = ResultAssert.Succeeded(await SendAsync(new UpdateWebhookCommand(created.Id, null, ["api_key.revoked"], false, null), tenant));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated.Url, Is.EqualTo(created.Url));
            Assert.That(updated.Events, Is.EqualTo(new[] { "api_key.revoked" }));
            Assert.That(updated.Enabled, Is.False);
        }
    }

    [Test]
    public async Task Refuses_a_private_url_and_an_unknown_subscription()
    {
        var tenant = await CreateTenantAsync();
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var refused = await SendAsync(new UpdateWebhookCommand(created.Id, "https://192.168.1.1/x", null, null, null), tenant);
        var unknown = await SendAsync(new UpdateWebhookCommand(Guid.CreateVersion7(), null, null, true, null), tenant);

        Assert.That(refused.Error!.ValidationErrors!.Keys, Is.EqualTo(new[] { "url" }));
        Assert.That(unknown.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
    }
}
