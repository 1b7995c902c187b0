namespace QuoinApi.Infrastructure.Auditing;

/// <summary>The <c>Audit</c> configuration section: how the sealer keeps up with the log.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The longest the sealer sleeps when no commit on this instance woke it (entries written elsewhere).</summary>
    public TimeSpan SealInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a wake-up, how long to gather further commits into the same batch.</summary>
    public TimeSpan SealDebounce { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Entries sealed per transaction.</summary>
    public int SealBatchSize { get; set; } = 500;
}
