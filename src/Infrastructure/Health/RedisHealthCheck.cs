using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuoinApi.Infrastructure.Caching;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Health;

/// <summary>
/// Redis trouble is Degraded, never Unhealthy: the API falls back to per-instance limits and caches (docs/http-contract.md#8-operations). Uses the shared
/// multiplexer (no connection per probe) and shares one PING among concurrent probes.
/// </summary>
public sealed class RedisHealthCheck : IHealthCheck
{
    private readonly RedisConnection _redis;
    private readonly CachedProbe<HealthCheckResult> _probe;

    public RedisHealthCheck(RedisConnection redis, TimeProvider clock)
    {
        _redis = redis;
        _probe = new CachedProbe<HealthCheckResult>(ProbeAsync, TimeSpan.FromSeconds(1), clock);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _probe.GetAsync().WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!_redis.IsConfigured)
        {
            return HealthCheckResult.Healthy("Redis is not configured; per-instance mode.");
        }

        if (_redis.Connected is not { } connection)
        {
            return HealthCheckResult.Degraded("Redis is unreachable; per-instance limits and caches are in use.");
        }

        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis did not answer PING; per-instance limits and caches are in use.");
        }
    }
}
