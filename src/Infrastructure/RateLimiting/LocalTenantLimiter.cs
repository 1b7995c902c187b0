using System.Collections.Concurrent;
using QuoinApi.Application.RatePlans;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// The per-instance fallback while Redis is absent or down: the same algorithm and plan values, on this instance's
/// clock, so each instance allows a tenant the whole plan. The month's use starts from the last count Redis returned
/// for the tenant (0 if it never answered), so a short outage does not hand out a fresh quota.
/// </summary>
public sealed class LocalTenantLimiter
{
    private readonly ConcurrentDictionary<Guid, Bucket> _buckets = new();

    /// <summary>Keeps the month's use Redis reported, for a later outage.</summary>
    internal void Remember(Guid tenantId, string period, long monthlyUsed)
    {
        var bucket = _buckets.GetOrAdd(tenantId, static _ => new Bucket());
        lock (bucket.Gate)
        {
            bucket.Period = period;
            bucket.MonthlyUsed = monthlyUsed;
        }
    }

    internal RateLimitDecision Acquire(Guid tenantId, RatePlanLimits limits, string period, long nowMicros, long quotaResetMicros)
    {
        var bucket = _buckets.GetOrAdd(tenantId, static _ => new Bucket());
        var interval = Gcra.IntervalMicros(limits.RequestsPerSecond);
        lock (bucket.Gate)
        {
            if (bucket.Period != period)
            {
                bucket.Period = period;
                bucket.MonthlyUsed = 0;
            }

            if (bucket.MonthlyUsed >= limits.MonthlyQuota)
            {
                var peek = Gcra.Peek(nowMicros, bucket.Tat, interval, limits.Burst);
                return new RateLimitDecision(false, peek.Remaining, Micros(peek.ResetMicros), bucket.MonthlyUsed, Micros(quotaResetMicros), true, false);
            }

            var outcome = Gcra.Evaluate(nowMicros, bucket.Tat, interval, limits.Burst);
            bucket.Tat = outcome.Tat;
            if (outcome.Allowed)
            {
                bucket.MonthlyUsed++;
            }

            return new RateLimitDecision(outcome.Allowed, outcome.Remaining, Micros(outcome.ResetMicros), bucket.MonthlyUsed,
                Micros(outcome.RetryMicros), false, false);
        }
    }

    private static TimeSpan Micros(long micros) => TimeSpan.FromMicroseconds(micros);

    private sealed class Bucket
    {
        public readonly Lock Gate = new();
        public long Tat;
        public string Period = string.Empty;
        public long MonthlyUsed;
    }
}
