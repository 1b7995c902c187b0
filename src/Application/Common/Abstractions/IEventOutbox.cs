namespace QuoinApi.Application.Common.Abstractions;

#if (IncludeRatePlans)
/// <summary>
/// Adds a public event to the outbox inside the current command's transaction: it is published (streamed, delivered
/// to webhooks) only after that transaction commits, and never if it rolls back. Domain events of tracked aggregates
/// reach the outbox on their own; this is for events no aggregate raises (quotas, pings).
/// </summary>
#else
/// <summary>
/// Adds a public event to the outbox inside the current command's transaction: it is published (streamed, delivered
/// to webhooks) only after that transaction commits, and never if it rolls back. Domain events of tracked aggregates
/// reach the outbox on their own; this is for events no aggregate raises (pings).
/// </summary>
#endif
public interface IEventOutbox
{
    /// <param name="tenantId">Whose event log the event joins.</param>
    /// <param name="type">One of <see cref="Domain.Events.EventTypes"/>.</param>
    /// <param name="data">The envelope's <c>data</c>, serialised with <see cref="Events.EventJson.Options"/>.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="targetSubscriptionId">Only this webhook subscription receives it, and it is not streamed (a ping).</param>
    /// <returns>The event id (the <c>webhook-id</c> and the stream's <c>id:</c>).</returns>
    Guid Enqueue<TData>(Guid tenantId, string type, TData data, DateTimeOffset occurredAt, Guid? targetSubscriptionId = null);
}
