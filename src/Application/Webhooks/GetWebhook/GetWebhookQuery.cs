using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(Guid Id) : IQuery<WebhookDto>;
