using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks.RotateWebhookSecret;

/// <summary>A new secret, shown once; deliveries carry signatures with both secrets until the grace period ends.</summary>
public sealed class RotateWebhookSecretHandler(IWebhookRepository webhooks, TimeProvider clock)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookSecretDto>
{
    public async Task<Result<WebhookSecretDto>> Handle(RotateWebhookSecretCommand request, CancellationToken cancellationToken)
    {
        var subscription = await webhooks.GetAsync(request.Id, cancellationToken);
        if (subscription is null)
        {
            return Error.NotFound("webhook");
        }

        var grace = request.GracePeriodSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : WebhookSubscription.DefaultRotationGrace;
        var secret = subscription.RotateSecret(grace, clock.GetUtcNow());
        return new WebhookSecretDto(subscription.Id, secret, subscription.PreviousSecretExpiresAt);
    }
}
