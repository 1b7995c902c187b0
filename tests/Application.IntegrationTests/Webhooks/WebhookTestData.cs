using QuoinApi.Application.Webhooks;
using QuoinApi.Application.Webhooks.CreateWebhook;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Webhooks;

/// <summary>Subscriptions made through the real pipeline.</summary>
internal static class WebhookTestData
{
    public static async Task<WebhookCreatedDto> SubscribeAsync(Func<CreateWebhookCommand, Task<Domain.Common.Result<WebhookCreatedDto>>> send, params string[] events) =>
        ResultAssert.Succeeded(await send(new CreateWebhookCommand("https://1.1.1.1/hooks", events.Length == 0 ? ["api_key.created"] : events, null)));
}
