namespace QuoinApi.Infrastructure.RateLimiting;

#if (IncludeRatePlans)
/// <summary>Configuration section <c>RateLimiting</c> (the plans themselves are in <c>RatePlans</c>).</summary>
#else
/// <summary>Configuration section <c>RateLimiting</c>: the per-address limit on unauthenticated requests.</summary>
#endif
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

#if (IncludeRatePlans)
    /// <summary>
    /// Off only to measure the limiter's cost (build/load.sh) or behind a gateway that limits already: then no
    /// request is limited, no rate-limit header is sent and no usage is counted.
    /// </summary>
#else
    /// <summary>Off only to measure the limiter's cost or behind a gateway that limits already: then no request is limited.</summary>
#endif
    public bool Enabled { get; set; } = true;

    /// <summary>Unauthenticated requests and credential look-ups that reach the database, per client address and second.</summary>
    public int AnonymousRequestsPerSecond { get; set; } = 10;

    /// <summary>How many of those a client address may spend at once.</summary>
    public int AnonymousBurst { get; set; } = 50;
#if (IncludeRatePlans)

    /// <summary>
    /// How much of a tenant's rate one Redis call may lease to this instance ahead of use: up to the plan's requests per
    /// second times this many milliseconds (at most 100 permits, and never more than an eighth of what is left of the
    /// burst or the month). Leased permits not used within five times this are given back at the next call. 0 asks
    /// Redis for every request (ADR 0052).
    /// </summary>
    public int PermitBatchMilliseconds { get; set; } = 50;
#endif
}
