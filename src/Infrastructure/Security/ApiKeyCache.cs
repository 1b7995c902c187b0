using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Infrastructure.Caching;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// Evicts validated keys on this instance at once and, through a Redis channel, on every other instance. Without Redis
/// (or while it is down) other instances keep a key for at most the cache duration.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache, RedisConnection redis, ILogger<ApiKeyCache> logger)
    : IApiKeyCacheInvalidator, IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("quoinapi:api-key-evictions");

    internal static string CacheKey(byte[] secretHash) => "api-key:" + Convert.ToHexString(secretHash);

    public async Task InvalidateAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken)
    {
        var keys = secretHashes.Select(CacheKey).ToArray();
        foreach (var key in keys)
        {
            cache.Remove(key);
        }

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
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) =>
            {
                foreach (var key in message.ToString().Split(','))
                {
                    cache.Remove(key);
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
