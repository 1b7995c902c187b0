using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>
/// Deletes expired idempotency keys in small batches, so the table stays small and no purge locks it long. Starts only
/// once the database is migrated (<see cref="DatabaseReadiness"/>).
/// </summary>
public sealed class IdempotencyPurgeService(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, DatabaseReadiness readiness, TimeProvider clock, ILogger<IdempotencyPurgeService> logger)
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

        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        do
        {
            try
            {
                var purged = await PurgeAsync(stoppingToken);
                if (purged > 0)
                {
                    logger.LogInformation("Purged {Count} expired idempotency keys.", purged);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or DbUpdateException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Purging idempotency keys failed; retrying at the next interval.");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Deletes every expired key, batch by batch; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
        var total = 0;
        int deleted;
        do
        {
            var now = clock.GetUtcNow();
            deleted = await db.Database.ExecuteSqlAsync(
                $"DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} LIMIT {BatchSize})",
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
}
