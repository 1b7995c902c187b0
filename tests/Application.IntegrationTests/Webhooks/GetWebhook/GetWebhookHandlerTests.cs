using QuoinApi.Application.Webhooks.GetWebhook;
using QuoinApi.Domain.Common;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks.GetWebhook;

public sealed class GetWebhookHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Reads_the_tenants_subscription_without_its_secret_and_hides_other_tenants()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        var created = await WebhookTestData.SubscribeAsync(c => SendAsync(c, tenant));

        var read = ResultAssert.Succeeded(await SendAsync(new GetWebhookQuery(created.Id), tenant));
        var hidden = await SendAsync(new GetWebhookQuery(created.Id), other);

        Assert.That(read.Url, Is.EqualTo("https://1.1.1.1/hooks"));
        Assert.That(hidden.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
    }
}
