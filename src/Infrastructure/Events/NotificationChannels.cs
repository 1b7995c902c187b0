namespace QuoinApi.Infrastructure.Events;

/// <summary>The PostgreSQL <c>LISTEN/NOTIFY</c> channels the instances use to wake one another.</summary>
internal static class NotificationChannels
{
    /// <summary>Outbox rows are waiting: a relay that found the lock busy asks the holder for another pass.</summary>
    public const string Outbox = "quoinapi_outbox";

    /// <summary>The relay published events (payload: the new head position): live streams read on.</summary>
    public const string Events = "quoinapi_events";

    /// <summary>
    /// The relay created webhook deliveries: delivery workers claim them. Separate from <see cref="Events"/> so that a
    /// publication no subscription asked for does not set every instance's worker claiming for nothing.
    /// </summary>
    public const string Deliveries = "quoinapi_deliveries";
}
