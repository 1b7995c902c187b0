namespace QuoinApi.Infrastructure.Persistence;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending migrations at start-up (Development); elsewhere run <c>QuoinApi.Api migrate</c> explicitly.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>
    /// Connections per instance for requests. PostgreSQL allows 100 by default across all instances: size deliberately, with
    /// <see cref="WorkerPoolSize"/> on top (ADR 0005).
    /// </summary>
    public int MaxPoolSize { get; set; } = 28;

    /// <summary>
    /// Connections per instance for the audit sealer and the outbox relay, on top of <see cref="MaxPoolSize"/> (ADR 0005):
    /// each holds one at a time, so their statements stay prepared on a few warm connections, and request load cannot
    /// starve them (nor they the requests).
    /// </summary>
    public int WorkerPoolSize { get; set; } = 2;

    /// <summary>Seconds to wait for a connection; small, so an unreachable database becomes a prompt 503.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 3;

    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// Statements Npgsql prepares automatically per connection (0 turns it off, e.g. behind PgBouncer in transaction
    /// mode before 1.21). A connection string's own <c>Max Auto Prepare</c> wins.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 64;
}
