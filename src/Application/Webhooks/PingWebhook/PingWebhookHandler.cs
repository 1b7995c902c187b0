using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Events;

namespace QuoinApi.Application.Webhooks.PingWebhook;

/// <summary>Queues a <c>webhook.ping</c> event for this subscription only; it is delivered like any other event.</summary>
public sealed class PingWebhookHandler(IWebhookRepository webhooks, IEventOutbox outbox, TimeProvider clock)
    : ICommandHandler<PingWebhookCommand, WebhookPingDto>
{
    public async Task<Result<WebhookPingDto>> Handle(PingWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.GetAsync(request.Id, cancellationToken);
        if (subscription is null)
        {
            return Error.NotFound("webhook");
        }

        var eventId = outbox.Enqueue(subscription.TenantId, EventTypes.WebhookPing, new { webhookId = subscription.Id }, clock.GetUtcNow(), subscription.Id);
        return new WebhookPingDto(eventId);
    }
}
