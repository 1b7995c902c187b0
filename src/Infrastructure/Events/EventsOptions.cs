namespace QuoinApi.Infrastructure.Events;

/// <summary>The <c>Events</c> configuration section: the outbox relay, the event log's retention and the live stream.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The longest the relay sleeps when nothing woke it (events committed by a process that died at once).</summary>
    public TimeSpan RelayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After a wake-up, how long the relay gathers further commits into the same batch.</summary>
    public TimeSpan RelayDebounce { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Events published per relay transaction.</summary>
    public int RelayBatchSize { get; set; } = 1000;

    /// <summary>How long published events stay in the event log (replays, <c>Last-Event-ID</c>, delivery history).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often expired events are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle stream sends a heartbeat, so proxies keep the connection and clients notice a dead one.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events read from the log per query of one stream connection (its buffer: a slow reader holds no more).</summary>
    public int StreamPageSize { get; set; } = 100;
}
