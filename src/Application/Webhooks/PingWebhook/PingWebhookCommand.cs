using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.PingWebhook;

public sealed record PingWebhookCommand(Guid Id) : ICommand<WebhookPingDto>;
