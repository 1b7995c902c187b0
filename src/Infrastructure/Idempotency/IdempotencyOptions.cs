namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>How long a key and its response are kept (the draft's recommendation: 24 hours).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Encrypts stored responses that carry secrets (new API keys). Any string of 32+ characters, shared by every
    /// instance. Empty: a random per-process key (development); such responses then cannot be replayed after a restart.
    /// </summary>
    public string? ResponseEncryptionKey { get; set; }
}
