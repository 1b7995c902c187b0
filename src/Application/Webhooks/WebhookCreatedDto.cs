using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks;

/// <summary>A new subscription with its signing secret: the only time the secret is shown.</summary>
public sealed record WebhookCreatedDto(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    bool Enabled,
    string Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
    : IContainsSecret
{
    public static WebhookCreatedDto From(WebhookSubscription subscription) => new(
        subscription.Id, subscription.Url, subscription.Events, subscription.Description, subscription.Enabled, subscription.Secret,
        subscription.CreatedAt, subscription.UpdatedAt);
}
