using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.ReplayWebhookDelivery;

public sealed record ReplayWebhookDeliveryCommand(Guid DeliveryId) : ICommand<WebhookDeliveryDto>;
