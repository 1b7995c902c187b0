using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Webhooks.UpdateWebhook;

/// <summary>Changes the URL (checked like at creation), the event filter, the description, or enables/disables.</summary>
public sealed class UpdateWebhookHandler(IWebhookRepository webhooks, IWebhookUrlGuard guard, TimeProvider clock)
    : ICommandHandler<UpdateWebhookCommand, WebhookDto>
{
    public async Task<Result<WebhookDto>> Handle(UpdateWebhookCommand request, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.GetAsync(request.Id, cancellationToken);
        if (subscription is null)
        {
            return Error.NotFound("webhook");
        }

        if (request.Url is not null && await guard.RefusalAsync(new Uri(request.Url), cancellationToken) is { } refusal)
        {
            return WebhookErrors.UrlRefused(refusal);
        }

        subscription.Change(request.Url, request.Events, request.Enabled, request.Description, clock.GetUtcNow());
        return new WebhookDto(subscription.Id, subscription.Url, subscription.Events, subscription.Description, subscription.Enabled,
            subscription.DisabledReason, subscription.PreviousSecretExpiresAt, subscription.CreatedAt, subscription.UpdatedAt);
    }
}
