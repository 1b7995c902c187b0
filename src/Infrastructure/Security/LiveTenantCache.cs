using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Caching;
#if (IncludeRatePlans)
using QuoinApi.Infrastructure.RateLimiting;
#endif
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Security;

#if (IncludeRatePlans)
/// <summary>
/// Remembers for the credential cache duration whether a tenant exists and is not deleted, and its plan (as the
/// <see cref="RateLimitedCaller"/> its bearer tokens draw from). Deleting a tenant or changing its plan evicts the
/// entry here at once and, through a Redis channel, on every other instance; without Redis other instances keep it for
/// at most the cache duration, exactly as for API keys (<see cref="ApiKeyCache"/>).
/// </summary>
#else
/// <summary>
/// Remembers for the credential cache duration whether a tenant exists and is not deleted. Deleting a tenant evicts the
/// entry here at once and, through a Redis channel, on every other instance; without Redis other instances keep it for
/// at most the cache duration, exactly as for API keys (<see cref="ApiKeyCache"/>).
/// </summary>
#endif
public sealed class LiveTenantCache(IMemoryCache cache, RedisConnection redis, IOptions<ApiKeyAuthenticationOptions> options, ILogger<LiveTenantCache> logger)
    : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("quoinapi:tenant-evictions");

#if (IncludeRatePlans)
    /// <summary>The cached answer: found, with the tenant's caller, or null when the tenant is unknown or deleted.</summary>
    internal bool TryGet(Guid tenantId, out RateLimitedCaller? caller)
    {
        if (cache.TryGetValue(CacheKey(tenantId), out object? entry))
        {
            caller = entry as RateLimitedCaller;
            return true;
        }

        caller = null;
        return false;
    }

    internal void Set(Guid tenantId, RateLimitedCaller? caller) => cache.Set<object>(CacheKey(tenantId), caller ?? NotLive, options.Value.CacheDuration);

    private static readonly object NotLive = new();
#else
    /// <summary>The cached answer, when there is one: whether the tenant exists and is not deleted.</summary>
    internal bool TryGet(Guid tenantId, out bool live) => cache.TryGetValue(CacheKey(tenantId), out live);

    internal void Set(Guid tenantId, bool live) => cache.Set(CacheKey(tenantId), live, options.Value.CacheDuration);
#endif

    public void EvictLocally(Guid tenantId) => cache.Remove(CacheKey(tenantId));

    /// <summary>Evicts here and, through Redis, on every other instance. Call it once the deletion is committed.</summary>
    public async Task InvalidateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        EvictLocally(tenantId);
        if (redis.Connected is not { } connection)
        {
            return;
        }

        try
        {
            await connection.GetSubscriber().PublishAsync(Channel, tenantId.ToString("N"));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not broadcast a tenant eviction; other instances expire it with the cache duration.");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            {
                if (Guid.TryParseExact(message.ToString(), "N", out var tenantId))
                {
                    EvictLocally(tenantId);
                }
            });
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not subscribe to tenant evictions; the multiplexer resubscribes on reconnect.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string CacheKey(Guid tenantId) => "tenant-live:" + tenantId.ToString("N");
}

/// <summary>
/// The invalidator handlers use: evicts at once and again after the command commits, then tells the other instances
/// (an eviction only before the commit would let a concurrent request re-cache the still-visible live tenant).
/// </summary>
internal sealed class TransactionalTenantCacheInvalidator(LiveTenantCache cache, AfterCommit afterCommit) : ITenantCacheInvalidator
{
    public Task InvalidateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        cache.EvictLocally(tenantId);
        afterCommit.Add(ct => cache.InvalidateAsync(tenantId, ct));
        return Task.CompletedTask;
    }
}
