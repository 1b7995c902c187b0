using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Caching;

/// <summary>
/// HybridCache's second level on the shared Redis connection. It never makes a caller wait for a Redis that is away:
/// while disconnected a read is a miss and a write or removal is skipped (the first level and the database answer),
/// and a failing call counts as the same. Keys are prefixed with the database's name, so deployments (or test
/// projects) that share one Redis but not one database never read each other's entries.
/// </summary>
public sealed class RedisDistributedCache(RedisConnection redis, string keyPrefix) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (redis.Connected is not { } connection)
        {
            return null;
        }

        try
        {
            return await connection.GetDatabase().StringGetAsync(keyPrefix + key);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (redis.Connected is not { } connection)
        {
            return;
        }

        var expiry = options.AbsoluteExpirationRelativeToNow
            ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
            ?? options.SlidingExpiration;
        try
        {
            await connection.GetDatabase().StringSetAsync(keyPrefix + key, value, expiry, When.Always);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The entry stays in this instance's first level only.
        }
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (redis.Connected is not { } connection)
        {
            return;
        }

        try
        {
            await connection.GetDatabase().KeyDeleteAsync(keyPrefix + key);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Other instances keep the entry for its expiration at most, as without Redis.
        }
    }
}
