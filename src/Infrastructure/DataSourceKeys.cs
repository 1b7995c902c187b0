namespace QuoinApi.Infrastructure;

/// <summary>Keys of the two data sources: the primary for commands, the (optional) replica for queries.</summary>
public static class DataSourceKeys
{
    public const string Primary = "postgres";
    public const string ReadOnly = "postgres-readonly";
}
