namespace QuoinApi.Infrastructure.Events;

/// <summary>The PostgreSQL <c>LISTEN/NOTIFY</c> channels the instances use to wake one another.</summary>
internal static class NotificationChannels
{
    /// <summary>Outbox rows are waiting: a relay that found the lock busy asks the holder for another pass.</summary>
    public const string Outbox = "quoinapi_outbox";

    /// <summary>The relay published events (payload: the new head position): streams and delivery workers read on.</summary>
    public const string Events = "quoinapi_events";
}
