using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Events;

/// <summary>
/// One public event: written to the outbox in the transaction of the change that raised it, then published by the
/// relay, which gives it its <see cref="Position"/> in commit order. Published entries form the tenant's event log,
/// which the live stream and webhook deliveries read; they are kept for the configured retention.
/// </summary>
public sealed class EventLogEntry : Entity, ITenantOwned
{
    // For EF Core materialisation.
    private EventLogEntry()
    {
        Type = Data = string.Empty;
    }

    private EventLogEntry(Guid? tenantId, string type, DateTimeOffset occurredAt, string data, Guid? targetSubscriptionId)
    {
        TenantId = tenantId;
        Type = type;
        OccurredAt = occurredAt;
        Data = data;
        TargetSubscriptionId = targetSubscriptionId;
    }

    public Guid? TenantId { get; private set; }

    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The event's <c>data</c> member, as JSON.</summary>
    public string Data { get; private set; }

    /// <summary>Set only for an event meant for one webhook subscription (a ping); such events are not streamed.</summary>
    public Guid? TargetSubscriptionId { get; private set; }

    /// <summary>The place in the event log, in commit order; null until the relay publishes the entry.</summary>
    public long? Position { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public static EventLogEntry Record(Guid? tenantId, string type, DateTimeOffset occurredAt, string data, Guid? targetSubscriptionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        if (type.Length > EventTypes.MaxLength)
        {
            throw new ArgumentException($"Event types are at most {EventTypes.MaxLength} characters.", nameof(type));
        }

        return new EventLogEntry(tenantId, type, occurredAt, data, targetSubscriptionId);
    }
}
