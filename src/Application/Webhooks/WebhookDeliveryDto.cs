using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks;

/// <summary>One delivery and its history: status, attempts, the receiver's last status code and how long it took.</summary>
public sealed record WebhookDeliveryDto(
    Guid Id,
    Guid WebhookId,
    Guid EventId,
    string EventType,
    WebhookDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? ResponseStatusCode,
    int? DurationMs,
    string? LastError,
    Guid? ReplayOf,
    DateTimeOffset CreatedAt);
