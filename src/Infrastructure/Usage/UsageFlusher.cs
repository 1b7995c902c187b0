using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Caching;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.RateLimiting;
using StackExchange.Redis;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>
/// Moves counted usage into <c>api_key_usage</c> in batches: what the limiter's script counted in Redis, and what this
/// instance counted itself while Redis was away. Runs every <see cref="UsageOptions.FlushInterval"/> and once more on
/// shutdown, so nothing counted is lost.
/// </summary>
/// <remarks>
/// A Redis batch is claimed by renaming the pending hash to a batch key listed in a set; the batch is written to
/// PostgreSQL together with its name in <c>usage_flush_batches</c>, and only then deleted from Redis. A batch left
/// behind by a crash (or read by two instances at once) is written again, and the batch name's primary key makes the
/// second write a no-op: counts are neither lost nor doubled.
/// </remarks>
public sealed class UsageFlusher(
    RedisConnection redis,
    LocalUsageCounter local,
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    IOptions<UsageOptions> options,
    ILogger<UsageFlusher> logger)
    : BackgroundService
{
    internal const string PendingKey = "quoin:usage:pending";
    private const string BatchesKey = "quoin:usage:batches";

    private const string ClaimScript = """
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('RENAME', KEYS[1], KEYS[3])
          redis.call('SADD', KEYS[2], KEYS[3])
        end
        return redis.call('SMEMBERS', KEYS[2])
        """;

    // Never disposed: the shutdown flush may still hold it while the container is torn down (it has no wait handle to free).
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _flushes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // The cadence is operational, not business time: the system clock, whatever TimeProvider the app uses.
        using var timer = new PeriodicTimer(options.Value.FlushInterval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: StopAsync flushes once more.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (readiness.IsReady)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes everything counted so far; failures leave the counts where they were, for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await FlushLocalAsync(cancellationToken);
            await FlushRedisAsync(cancellationToken);
            if (++_flushes % 100 == 1)
            {
                await PurgeBatchNamesAsync(cancellationToken);
            }
        }
        // ObjectDisposedException: at shutdown the Redis connection may close before this last flush; Redis keeps its
        // counts, and the next flush of any instance writes them.
        catch (Exception exception) when (exception is NpgsqlException or RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning(exception, "Flushing usage failed; the counts stay pending for the next flush.");
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FlushLocalAsync(CancellationToken cancellationToken)
    {
        var counts = local.TakeAll();
        if (counts.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batch: null, counts, cancellationToken);
        }
        catch
        {
            foreach (var (field, count) in counts)
            {
                local.Add(field, count);
            }

            throw;
        }
    }

    private async Task FlushRedisAsync(CancellationToken cancellationToken)
    {
        if (redis.Connected is not { } connection)
        {
            return;
        }

        var db = connection.GetDatabase();
        var batchKey = "quoin:usage:batch:" + UuidV7.Create().ToString("N");
        var batches = (RedisValue[]?)await db.ScriptEvaluateAsync(ClaimScript, [PendingKey, BatchesKey, batchKey]) ?? [];
        foreach (var batch in batches)
        {
            string name = batch!;
            var entries = await db.HashGetAllAsync(name);
            var counts = new List<KeyValuePair<string, long>>(entries.Length);
            foreach (var entry in entries)
            {
                counts.Add(new KeyValuePair<string, long>(entry.Name!, (long)entry.Value));
            }

            await WriteAsync(name, counts, cancellationToken);
            var done = db.CreateTransaction();
            _ = done.KeyDeleteAsync(name);
            _ = done.SetRemoveAsync(BatchesKey, name);
            await done.ExecuteAsync();
        }
    }

    /// <summary>One transaction: the batch's name (when it has one), then every counter added to its day's row.</summary>
    private async Task WriteAsync(string? batch, List<KeyValuePair<string, long>> counts, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<(Guid Key, DateOnly Day), (Guid Tenant, long Requests, long Throttled)>();
        foreach (var (field, count) in counts)
        {
            if (!UsageKey.TryParse(field, out var keyId, out var tenantId, out var day, out var throttled))
            {
                logger.LogWarning("Skipping an unreadable usage counter {Field}.", field);
                continue;
            }

            rows.TryGetValue((keyId, day), out var row);
            rows[(keyId, day)] = throttled
                ? (tenantId, row.Requests, row.Throttled + count)
                : (tenantId, row.Requests + count, row.Throttled);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (batch is not null)
        {
            await using var claim = new NpgsqlCommand(
                "INSERT INTO usage_flush_batches (id, flushed_at) VALUES (@id, now()) ON CONFLICT DO NOTHING", connection, transaction);
            claim.Parameters.AddWithValue("id", batch);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                // Already written (by a flush that crashed before deleting it, or by another instance).
                await transaction.CommitAsync(cancellationToken);
                return;
            }
        }

        if (rows.Count > 0)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO api_key_usage (api_key_id, date, tenant_id, requests, throttled)
                SELECT * FROM unnest(@keys, @days, @tenants, @requests, @throttled)
                ON CONFLICT (api_key_id, date) DO UPDATE
                SET requests = api_key_usage.requests + excluded.requests, throttled = api_key_usage.throttled + excluded.throttled
                """, connection, transaction);
            upsert.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Keys.Select(k => k.Key).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Keys.Select(k => k.Day).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("tenants", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = rows.Values.Select(v => v.Tenant).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("requests", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Values.Select(v => v.Requests).ToArray() });
            upsert.Parameters.Add(new NpgsqlParameter("throttled", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rows.Values.Select(v => v.Throttled).ToArray() });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task PurgeBatchNamesAsync(CancellationToken cancellationToken)
    {
        await using var purge = dataSource.CreateCommand("DELETE FROM usage_flush_batches WHERE flushed_at < now() - interval '2 days'");
        await purge.ExecuteNonQueryAsync(cancellationToken);
    }
}
