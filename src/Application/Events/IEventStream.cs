namespace QuoinApi.Application.Events;

/// <summary>A tenant's live event stream: what the event log holds after a point, then each event as it is published.</summary>
public interface IEventStream
{
    /// <summary>
    /// The tenant's events after <paramref name="lastEventId"/> (an event id the client saw; unknown or expired ids
    /// replay the whole retained log), or, without one, from now on; heartbeats (<see cref="StreamedEvent.IsHeartbeat"/>)
    /// while idle. Ends only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<StreamedEvent> ReadAsync(Guid tenantId, Guid? lastEventId, CancellationToken cancellationToken);
}
