using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Webhooks;

/// <summary>
/// One event on its way to one subscription, with its attempt history. The relay creates deliveries when it publishes
/// an event; the delivery worker attempts them in event order per subscription. A replay is a new delivery of the
/// same event, so the receiver sees the same <c>webhook-id</c>.
/// </summary>
public sealed class WebhookDelivery : Entity, ITenantOwned
{
    // For EF Core materialisation.
    private WebhookDelivery()
    {
        EventType = string.Empty;
    }

    private WebhookDelivery(Guid tenantId, Guid subscriptionId, Guid eventId, string eventType, long eventPosition, DateTimeOffset now, Guid? replayOf)
    {
        TenantId = tenantId;
        SubscriptionId = subscriptionId;
        EventId = eventId;
        EventType = eventType;
        EventPosition = eventPosition;
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        CreatedAt = now;
        ReplayOf = replayOf;
    }

    public Guid TenantId { get; private set; }

    Guid? ITenantOwned.TenantId => TenantId;

    public Guid SubscriptionId { get; private set; }

    /// <summary>The event delivered; also the <c>webhook-id</c> the receiver sees.</summary>
    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The event's place in the event log: deliveries of one subscription go out in this order.</summary>
    public long EventPosition { get; private set; }

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the next attempt is due; null once the delivery succeeded or died.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    /// <summary>The receiver's status code on the last attempt; null when it did not answer (timeout, refused).</summary>
    public int? ResponseStatusCode { get; private set; }

    /// <summary>How long the last attempt took, in milliseconds.</summary>
    public int? DurationMs { get; private set; }

    /// <summary>Why the last attempt failed, in a few words (never the receiver's body).</summary>
    public string? LastError { get; private set; }

    /// <summary>The delivery this one replays, if it is a replay.</summary>
    public Guid? ReplayOf { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static WebhookDelivery Create(Guid tenantId, Guid subscriptionId, Guid eventId, string eventType, long eventPosition, DateTimeOffset now) =>
        new(tenantId, subscriptionId, eventId, eventType, eventPosition, now, replayOf: null);

    /// <summary>A new delivery of the same event to the same subscription, due at once (any status can be replayed).</summary>
    public WebhookDelivery Replay(DateTimeOffset now) => new(TenantId, SubscriptionId, EventId, EventType, EventPosition, now, Id);
}
