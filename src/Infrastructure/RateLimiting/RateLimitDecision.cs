namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// The limiter's answer for one request: allowed or not, what is left of the burst and when it is full again, the
/// month's use, how long to wait when refused, whether Redis (the shared budget) decided, and whether this request
/// crossed a quota threshold (exactly one request per period sees each crossing).
/// </summary>
public readonly record struct RateLimitDecision(
    bool Allowed,
    long BurstRemaining,
    TimeSpan BurstReset,
    long MonthlyUsed,
    TimeSpan RetryAfter,
    bool QuotaExhausted,
    bool Global);
