namespace QuoinApi.Infrastructure;

/// <summary>
/// Keys of the data sources: the primary for commands, the (optional) replica for queries, and a small pool of its own on
/// the primary for the commit-ordered workers (the audit sealer and the outbox relay).
/// </summary>
public static class DataSourceKeys
{
    public const string Primary = "postgres";
    public const string ReadOnly = "postgres-readonly";
    public const string Workers = "postgres-workers";
}
