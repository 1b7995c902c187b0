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
/// one Lua script per request, in one Redis round trip, checks the burst (GCRA on Redis' clock), the month's quota,
/// and counts the request for the key's daily usage. While Redis is absent, disconnected or failing, the per-instance
/// <see cref="LocalTenantLimiter"/> decides and <see cref="LocalUsageCounter"/> counts; the next request after Redis
/// is back uses it again.
/// </summary>
public sealed class TenantRateLimiter(
    RedisConnection redis,
    LocalTenantLimiter local,
    LocalUsageCounter localUsage,
    QuotaWatcher quota,
    IOptions<RatePlanOptions> plans,
    TimeProvider clock,
    ILogger<TenantRateLimiter> logger)
{
    // KEYS: burst state, month counter, pending usage. ARGV: interval (µs), burst, quota, counter TTL (s), usage field.
    // Returns {allowed, burst remaining, µs until the burst is full, µs to wait, month used}.
    private const string Script = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
        local interval = tonumber(ARGV[1])
        local span = interval * tonumber(ARGV[2])
        local tat = tonumber(redis.call('GET', KEYS[1])) or now
        if tat < now then tat = now end
        local used = tonumber(redis.call('GET', KEYS[2])) or 0
        if used >= tonumber(ARGV[3]) then
          redis.call('HINCRBY', KEYS[3], ARGV[5] .. 't', 1)
          return {0, math.floor((now + span - tat) / interval), tat - now, -1, used}
        end
        local nexttat = tat + interval
        if nexttat - now > span then
          redis.call('HINCRBY', KEYS[3], ARGV[5] .. 't', 1)
          return {0, 0, tat - now, nexttat - span - now, used}
        end
        redis.call('SET', KEYS[1], nexttat, 'PX', math.ceil((nexttat - now) / 1000) + 1000)
        used = redis.call('INCR', KEYS[2])
        if used == 1 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
        redis.call('HINCRBY', KEYS[3], ARGV[5] .. 'r', 1)
        return {1, math.floor((now + span - nexttat) / interval), nexttat - now, 0, used}
        """;

    private static readonly RedisKey PendingUsage = UsageFlusher.PendingKey;
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
            try
            {
                var result = (RedisValue[]?)await connection.GetDatabase().ScriptEvaluateAsync(Script,
                    [caller.BurstKey, "quoin:quota:{" + caller.TenantId.ToString("N") + "}:" + period.Key, PendingUsage],
                    [Gcra.IntervalMicros(limits.RequestsPerSecond), limits.Burst, limits.MonthlyQuota,
                        (long)untilPeriodEnd.TotalSeconds + 86_400, usageField]);
                if (result is { Length: 5 })
                {
                    RecoveredFromDegradation();
                    var allowed = (long)result[0] == 1;
                    var used = (long)result[4];
                    var retry = (long)result[3];
                    local.Remember(caller.TenantId, period.Key, used);
                    if (allowed)
                    {
                        quota.Observe(caller.TenantId, period, used, limits.MonthlyQuota);
                    }

                    return new RateLimitDecision(allowed, (long)result[1], TimeSpan.FromMicroseconds((long)result[2]), used,
                        retry < 0 ? untilPeriodEnd : TimeSpan.FromMicroseconds(retry), retry < 0, Global: true);
                }
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                Degraded(exception);
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
