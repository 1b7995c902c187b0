using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.RatePlans;
using QuoinApi.Application.Usage;
using QuoinApi.Infrastructure.Caching;
using QuoinApi.Infrastructure.Usage;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// Decides whether a tenant's request may run, on the tenant's one budget shared by all its keys and every instance:
/// one Lua script in one Redis round trip checks the burst (GCRA on Redis' clock) and the month's quota, and counts the
/// request for the key's daily usage. Far from a limit the script grants a few permits at once, which this instance's
/// next requests of the tenant use without asking Redis (ADR 0052); near a limit it grants one, so every request is
/// decided by Redis. While Redis is absent, disconnected or failing, the per-instance <see cref="LocalTenantLimiter"/>
/// decides and <see cref="LocalUsageCounter"/> counts; the next request after Redis is back uses it again.
/// </summary>
public sealed class TenantRateLimiter(
    RedisConnection redis,
    LocalTenantLimiter local,
    LocalUsageCounter localUsage,
    QuotaWatcher quota,
    IOptions<RatePlanOptions> plans,
    IOptions<RateLimitingOptions> limiting,
    TimeProvider clock,
    ILogger<TenantRateLimiter> logger)
{
    // KEYS: burst state, month counter, pending usage.
    // ARGV: interval (µs), burst, quota, counter TTL (s), usage field, permits wanted, unused permits given back to the
    // burst, and to the month.
    // Returns {allowed, burst remaining, µs until the burst is full, µs to wait, month used, permits granted}. At most an
    // eighth of what is left of the burst or the month is granted at once, and at least one: near a limit, one.
    private const string Script = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local interval = tonumber(ARGV[1])
        local span = interval * tonumber(ARGV[2])
        local quota = tonumber(ARGV[3])
        local tat = (tonumber(redis.call('GET', KEYS[1])) or now) - tonumber(ARGV[7]) * interval
        if tat < now then tat = now end
        local used = tonumber(redis.call('GET', KEYS[2])) or 0
        local refund = math.min(tonumber(ARGV[8]), used)
        if refund > 0 then used = redis.call('DECRBY', KEYS[2], refund) end
        if used >= quota then
          redis.call('HINCRBY', KEYS[3], ARGV[5] .. 't', 1)
          return {0, math.floor((now + span - tat) / interval), tat - now, -1, used, 0}
        end
        local available = math.floor((now + span - tat) / interval)
        if available < 1 then
          redis.call('HINCRBY', KEYS[3], ARGV[5] .. 't', 1)
          return {0, 0, tat - now, tat + interval - span - now, used, 0}
        end
        local granted = math.max(1, math.min(tonumber(ARGV[6]), math.floor(available / 8), math.floor((quota - used) / 8)))
        local nexttat = tat + granted * interval
        redis.call('SET', KEYS[1], nexttat, 'PX', math.ceil((nexttat - now) / 1000) + 1000)
        used = redis.call('INCRBY', KEYS[2], granted)
        if used == granted then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
        redis.call('HINCRBY', KEYS[3], ARGV[5] .. 'r', 1)
        return {1, math.floor((now + span - nexttat) / interval), nexttat - now, 0, used, granted}
        """;

    private const int MaxPermitsPerGrant = 100;

    private static readonly RedisKey PendingUsage = UsageFlusher.PendingKey;
    private readonly ConcurrentDictionary<Guid, LeasedPermits> _leases = new();
    private readonly int _batchMilliseconds = limiting.Value.PermitBatchMilliseconds;
    private readonly TimeSpan _leaseLifetime = TimeSpan.FromMilliseconds(5 * limiting.Value.PermitBatchMilliseconds);
    private int _degraded;

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitedCaller caller)
    {
        var limits = plans.Value.For(caller.Plan);
        var now = clock.GetUtcNow();
        var period = UsagePeriod.Containing(now);
        var usageField = caller.UsageFieldFor(DateOnly.FromDateTime(now.UtcDateTime));
        var untilPeriodEnd = period.End - now;

        if (redis.Connected is { } connection)
        {
            var lease = _leases.GetOrAdd(caller.TenantId, static _ => new LeasedPermits());
            var stamp = clock.GetTimestamp();
            long burstRefund = 0, monthRefund = 0;
            RateLimitDecision? served = null;
            lock (lease.Gate)
            {
                if (lease.TryTake(caller.Plan, period.Key, stamp))
                {
                    var fullIn = BurstFullIn(lease.BurstFullAt, stamp);
                    served = new RateLimitDecision(true, Math.Min(limits.Burst, BurstLeft(limits, fullIn) + lease.Left),
                        fullIn, lease.MonthlyUsed - lease.Left, TimeSpan.Zero, false, Global: true);
                }
                else
                {
                    (burstRefund, monthRefund) = (lease.BurstRefund, lease.MonthRefund);
                    (lease.BurstRefund, lease.MonthRefund) = (0, 0);
                }
            }

            if (served is { } permitted)
            {
                // Redis counted the permit when it granted it; the request's usage is counted here, flushed by UsageFlusher.
                localUsage.Add(usageField, UsageKey.Requests);
                quota.Observe(caller.TenantId, period, permitted.MonthlyUsed, limits.MonthlyQuota);
                return permitted;
            }

            try
            {
                var result = (RedisValue[]?)await connection.GetDatabase().ScriptEvaluateAsync(Script,
                    [caller.BurstKey, "quoin:quota:{" + caller.TenantId.ToString("N") + "}:" + period.Key, PendingUsage],
                    [Gcra.IntervalMicros(limits.RequestsPerSecond), limits.Burst, limits.MonthlyQuota,
                        (long)untilPeriodEnd.TotalSeconds + 86_400, usageField, PermitsWanted(limits), burstRefund, monthRefund]);
                if (result is { Length: 6 })
                {
                    RecoveredFromDegradation();
                    return Decided(caller, limits, period, untilPeriodEnd, lease, clock.GetTimestamp(), result);
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                Degraded(exception);
            }

            lock (lease.Gate)
            {
                // Not given back this time: the next call tries again.
                lease.BurstRefund += burstRefund;
                lease.MonthRefund += monthRefund;
            }
        }

        var decision = local.Acquire(caller.TenantId, limits, period.Key, now.ToUnixTimeMilliseconds() * 1000, (long)(untilPeriodEnd.TotalMilliseconds * 1000));
        localUsage.Add(usageField, decision.Allowed ? UsageKey.Requests : UsageKey.Throttled);
        if (decision.Allowed)
        {
            quota.Observe(caller.TenantId, period, decision.MonthlyUsed, limits.MonthlyQuota);
        }

        return decision;
    }

    /// <summary>Redis' answer for this request; the permits granted beyond it go to the tenant's permits in hand.</summary>
    private RateLimitDecision Decided(
        RateLimitedCaller caller, RatePlanLimits limits, UsagePeriod period, TimeSpan untilPeriodEnd, LeasedPermits lease, long stamp, RedisValue[] result)
    {
        var allowed = (long)result[0] == 1;
        var burstRemaining = (long)result[1];
        var burstFullIn = TimeSpan.FromMicroseconds((long)result[2]);
        var retry = (long)result[3];
        var used = (long)result[4];
        var granted = (long)result[5];
        local.Remember(caller.TenantId, period.Key, used);
        if (!allowed)
        {
            return new RateLimitDecision(false, burstRemaining, burstFullIn, used,
                retry < 0 ? untilPeriodEnd : TimeSpan.FromMicroseconds(retry), retry < 0, Global: true);
        }

        long left;
        lock (lease.Gate)
        {
            if (lease.Plan != caller.Plan || lease.Period != period.Key)
            {
                lease.Left = 0;
            }

            lease.Left += granted - 1;
            left = lease.Left;
            lease.Plan = caller.Plan;
            lease.Period = period.Key;
            lease.ExpiresAt = stamp + (long)(_leaseLifetime.TotalSeconds * clock.TimestampFrequency);
            lease.BurstFullAt = stamp + (long)(burstFullIn.TotalSeconds * clock.TimestampFrequency);
            lease.MonthlyUsed = used;
        }

        // Permits in hand are this instance's to spend: what the client sees left includes them.
        var decision = new RateLimitDecision(true, burstRemaining + left, burstFullIn, used - left, TimeSpan.Zero, false, Global: true);
        quota.Observe(caller.TenantId, period, decision.MonthlyUsed, limits.MonthlyQuota);
        return decision;
    }

    /// <summary>Up to the plan's rate times the batch window, at least one: with a window of 0, one per request.</summary>
    private long PermitsWanted(RatePlanLimits limits) =>
        Math.Clamp((long)limits.RequestsPerSecond * _batchMilliseconds / 1000, 1, MaxPermitsPerGrant);

    /// <summary>
    /// What Redis has left of the burst now, from how long until its burst is full again (GCRA's own arithmetic, as the
    /// script's): the bucket refills while the permits in hand are spent.
    /// </summary>
    private static long BurstLeft(RatePlanLimits limits, TimeSpan fullIn) =>
        Math.Max(0, Gcra.Peek(0, (long)fullIn.TotalMicroseconds, Gcra.IntervalMicros(limits.RequestsPerSecond), limits.Burst).Remaining);

    private TimeSpan BurstFullIn(long fullAt, long stamp) => fullAt > stamp ? clock.GetElapsedTime(stamp, fullAt) : TimeSpan.Zero;

    private void Degraded(Exception exception)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            logger.LogWarning(exception, "The rate limiter cannot reach Redis; limits are per instance until it answers again.");
        }
    }

    private void RecoveredFromDegradation()
    {
        if (Volatile.Read(ref _degraded) == 1 && Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            logger.LogInformation("The rate limiter reaches Redis again; limits are shared by every instance.");
        }
    }
}
