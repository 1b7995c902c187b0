using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// Deletes rows past their time every interval, in batches of <see cref="BatchSize"/>, so a table stays small and no
/// purge locks it long. Starts only once the database is migrated (<see cref="DatabaseReadiness"/>); a failed pass is
/// logged and retried at the next interval.
/// </summary>
/// <param name="scopes">A scope (and write context) per pass.</param>
/// <param name="readiness">Opens once the database is migrated.</param>
/// <param name="clock">What "now" is when deciding which rows are past their time.</param>
/// <param name="schedule">The clock the interval runs on (a test's fake clock can then drive the purge).</param>
/// <param name="logger">Where passes that deleted something, or failed, are logged.</param>
public abstract partial class BatchedPurgeService(
    IServiceScopeFactory scopes, DatabaseReadiness readiness, TimeProvider clock, TimeProvider schedule, ILogger logger)
    : BackgroundService
{
    protected const int BatchSize = 5000;

    /// <summary>How often a pass runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a pass deletes, for the log: "expired idempotency keys".</summary>
    protected abstract string Purged { get; }

    /// <summary>Deletes up to <see cref="BatchSize"/> rows that are past their time at <paramref name="now"/>; returns how many.</summary>
    protected abstract Task<int> DeleteBatchAsync(QuoinDbContext db, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes every row past its time, batch by batch; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
        var total = 0;
        int deleted;
        do
        {
            deleted = await DeleteBatchAsync(db, clock.GetUtcNow(), cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize && !cancellationToken.IsCancellationRequested);

        return total;
    }

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

        using var timer = new PeriodicTimer(Interval, schedule);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged, Purged);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or DbUpdateException or TimeoutException or InvalidOperationException)
            {
                LogPurgeFailed(logger, exception, Purged);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} {Purged}.")]
    private static partial void LogPurged(ILogger logger, int count, string purged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging {Purged} failed; retrying at the next interval.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception, string purged);
}
