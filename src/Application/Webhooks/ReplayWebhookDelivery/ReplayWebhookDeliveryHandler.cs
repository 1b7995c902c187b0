using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.ReplayWebhookDelivery;

/// <summary>Delivers the same event to the same subscription again, whatever became of the original delivery.</summary>
public sealed class ReplayWebhookDeliveryHandler(IWebhookRepository webhooks, TimeProvider clock)
    : ICommandHandler<ReplayWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async Task<Result<WebhookDeliveryDto>> Handle(ReplayWebhookDeliveryCommand request, CancellationToken cancellationToken)
    {
        var original = await webhooks.GetDeliveryAsync(request.DeliveryId, cancellationToken);
        if (original is null)
        {
            return Error.NotFound("webhook_delivery");
        }

        var replay = original.Replay(clock.GetUtcNow());
        webhooks.Add(replay);
        return new WebhookDeliveryDto(replay.Id, replay.SubscriptionId, replay.EventId, replay.EventType, replay.Status, replay.Attempts,
            replay.NextAttemptAt, replay.LastAttemptAt, replay.ResponseStatusCode, replay.DurationMs, replay.LastError, replay.ReplayOf, replay.CreatedAt);
    }
}
