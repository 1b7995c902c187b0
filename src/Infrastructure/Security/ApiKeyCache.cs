using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Caching;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// Evicts validated keys from both cache levels (this instance's memory and Redis) and, through a Redis channel, from
/// every other instance's memory, which HybridCache alone would leave as it is. Without Redis (or while it is down)
/// other instances keep a key for at most the cache duration.
/// </summary>
public sealed class ApiKeyCache(HybridCache cache, RedisConnection redis, ILogger<ApiKeyCache> logger)
    : IApiKeyCacheInvalidator, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("quoinapi:api-key-evictions");

    internal static string CacheKey(byte[] secretHash) => "api-key:" + Convert.ToHexString(secretHash);

    /// <summary>Evicts from this instance's memory and from Redis, without telling the other instances.</summary>
    public ValueTask EvictLocallyAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken) =>
        cache.RemoveAsync(secretHashes.Select(CacheKey), cancellationToken);

    /// <summary>Evicts here and, through Redis, on every other instance. Call it once the change is committed.</summary>
    public async Task InvalidateAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken)
    {
        var keys = secretHashes.Select(CacheKey).ToArray();
        await cache.RemoveAsync(keys, cancellationToken);
        if (keys.Length == 0 || redis.Connected is not { } connection)
        {
            return;
        }

        try
        {
            await connection.GetSubscriber().PublishAsync(Channel, string.Join(',', keys));
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not broadcast API key evictions; other instances expire them with the cache duration.");
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
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, async (_, message) =>
            {
                try
                {
                    await cache.RemoveAsync(message.ToString().Split(','));
                }
                catch (Exception exception) when (exception is RedisException or TimeoutException)
                {
                    logger.LogWarning(exception, "Could not apply API key evictions; the entries expire with the cache duration.");
                }
            });
        }
        catch (RedisException exception)
        {
            logger.LogWarning(exception, "Could not subscribe to API key evictions; the multiplexer resubscribes on reconnect.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The invalidator handlers use: evicts at once (this request's own later reads) and again after the command's
/// transaction commits, then tells the other instances. Evicting only before the commit would let a concurrent request
/// re-cache the old, still-visible row for a whole cache period.
/// </summary>
internal sealed class TransactionalApiKeyCacheInvalidator(ApiKeyCache cache, QuoinApi.Application.Common.Abstractions.AfterCommit afterCommit)
    : IApiKeyCacheInvalidator
{
    public async Task InvalidateAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken)
    {
        var hashes = secretHashes.ToArray();
        await cache.EvictLocallyAsync(hashes, cancellationToken);
        afterCommit.Add(ct => cache.InvalidateAsync(hashes, ct));
    }
}
