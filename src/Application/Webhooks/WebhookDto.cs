using Mapster;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks;

/// <summary>A subscription as listed and read: never its secret.</summary>
public sealed record WebhookDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset? PreviousSecretExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal sealed class WebhookMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<WebhookSubscription, WebhookDto>();
        config.NewConfig<WebhookDelivery, WebhookDeliveryDto>().Map(d => d.WebhookId, s => s.SubscriptionId);
    }
}
