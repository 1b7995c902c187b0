namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: outbound delivery, retries and the private-network guard.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Allows plain <c>http</c> URLs and receivers on loopback, private, link-local and other special-purpose addresses.
    /// Development and tests only: in production it lets a tenant make the API call into its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// The wait before each retry after a failed attempt (the first attempt is immediate); after the last one the
    /// delivery is dead until replayed. Each wait is jittered by <see cref="RetryJitter"/>. Empty means
    /// <see cref="DefaultRetrySchedule"/> (configuration binding appends to arrays, so the default is not preset here).
    /// </summary>
    public TimeSpan[] RetrySchedule { get; set; } = [];

    /// <summary>11 attempts over about two days: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h, 12 h, 24 h.</summary>
    public static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    /// <summary>A retry waits its scheduled time times a random factor in [1 - jitter, 1 + jitter].</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>How long one attempt may take, connection included, before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most this much of a receiver's response is read (and then dropped).</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>Deliveries in flight at once on one instance (each to a different subscription).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 32;

    /// <summary>How long a claimed delivery stays reserved for its worker; a worker that dies frees it after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest the worker sleeps when no publication woke it (retries falling due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
