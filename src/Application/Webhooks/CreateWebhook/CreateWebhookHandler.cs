using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks.CreateWebhook;

/// <summary>Subscribes a receiver URL (refused when it resolves to a private address) and returns its secret, once.</summary>
public sealed class CreateWebhookHandler(
    IWebhookRepository webhooks, IWebhookUrlGuard guard, ICurrentPrincipal principal, TimeProvider clock)
    : ICommandHandler<CreateWebhookCommand, WebhookCreatedDto>
{
    public async Task<Result<WebhookCreatedDto>> Handle(CreateWebhookCommand request, CancellationToken cancellationToken)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return WebhookErrors.TenantRequired;
        }

        if (await guard.RefusalAsync(new Uri(request.Url), cancellationToken) is { } refusal)
        {
            return WebhookErrors.UrlRefused(refusal);
        }

        var subscription = WebhookSubscription.Create(tenantId, request.Url, request.Events, request.Description, clock.GetUtcNow());
        webhooks.Add(subscription);
        return WebhookCreatedDto.From(subscription);
    }
}
