using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Caching;

/// <summary>
/// The shared Redis connection, or none when <c>ConnectionStrings:Redis</c> is absent. It never blocks start-up and
/// reconnects by itself; callers treat Redis as optional and fall back to per-instance state.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer? _multiplexer;

    public RedisConnection(string? connectionString, ILogger<RedisConnection> logger)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogInformation("Redis is not configured: rate limits and caches are per instance.");
            return;
        }

        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ClientName = "quoinapi";

        // While disconnected, commands fail at once instead of queueing for the timeout: every caller has a local
        // fallback, and a request must not wait a second for a Redis that is down. Reconnects are tried soon and often.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        _multiplexer = ConnectionMultiplexer.Connect(options);
    }

    public bool IsConfigured => _multiplexer is not null;

    /// <summary>The multiplexer when it is configured and connected right now.</summary>
    public IConnectionMultiplexer? Connected => _multiplexer is { IsConnected: true } ? _multiplexer : null;

    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    public void Dispose() => _multiplexer?.Dispose();
}
