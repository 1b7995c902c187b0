using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Deletes published events older than the retention (<c>Events:Retention</c>, 7 days by default), with their
/// deliveries, in small batches. Unpublished rows are never deleted, however old.
/// </summary>
public sealed partial class EventLogPurgeService(
    IServiceScopeFactory scopes, IOptions<EventsOptions> options, DatabaseReadiness readiness, TimeProvider clock, ILogger<EventLogPurgeService> logger)
    : BackgroundService
{
    private const int BatchSize = 5000;

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

        using var timer = new PeriodicTimer(options.Value.PurgeInterval);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    LogPurged(logger, purged);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or DbUpdateException or TimeoutException or InvalidOperationException)
            {
                LogPurgeFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Deletes every expired event, batch by batch; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
        var total = 0;
        int deleted;
        do
        {
            var cutoff = clock.GetUtcNow() - options.Value.Retention;
            deleted = await db.Database.ExecuteSqlAsync(
                $"DELETE FROM events WHERE id IN (SELECT id FROM events WHERE published_at < {cutoff} ORDER BY published_at LIMIT {BatchSize})",
                cancellationToken);
            total += deleted;
        }
        while (deleted == BatchSize && !cancellationToken.IsCancellationRequested);

        return total;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} events past the event log's retention.")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging the event log failed ({Error}: {Reason}); retrying at the next interval.")]
    private static partial void LogPurgeFailed(ILogger logger, string error, string reason);
}
