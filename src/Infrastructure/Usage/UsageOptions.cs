namespace QuoinApi.Infrastructure.Usage;

/// <summary>Configuration section <c>Usage</c>.</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>How often counted usage is written to PostgreSQL; what <c>GET /usage</c> may trail the limiter by.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
