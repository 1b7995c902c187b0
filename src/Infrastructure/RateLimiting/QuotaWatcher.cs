using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuoinApi.Application.Usage;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.RateLimiting;

#if (IncludeEvents)
/// <summary>
/// Notices the request that crosses 80 % of a tenant's monthly quota, or uses its last unit, and records the crossing
/// with its event in the background (<see cref="IQuotaAlertLedger"/>), off the request's path: a request never waits for it. With
/// Redis, the month's counter is incremented atomically, so exactly one request sees each crossing; without it each
/// instance may see one, and the ledger keeps the first.
/// </summary>
#else
/// <summary>
/// Notices the request that crosses 80 % of a tenant's monthly quota, or uses its last unit, and records the crossing
/// in the background (<see cref="IQuotaAlertLedger"/>), off the request's path: a request never waits for it. With
/// Redis, the month's counter is incremented atomically, so exactly one request sees each crossing; without it each
/// instance may see one, and the ledger keeps the first.
/// </summary>
#endif
public sealed class QuotaWatcher(IServiceScopeFactory scopes, DatabaseReadiness readiness, ILogger<QuotaWatcher> logger) : BackgroundService
{
    private readonly Channel<Crossing> _crossings = Channel.CreateBounded<Crossing>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    internal void Observe(Guid tenantId, UsagePeriod period, long used, long quota)
    {
        var warnAt = (quota * 4 + 4) / 5;
        if (used == warnAt && used < quota)
        {
            _crossings.Writer.TryWrite(new Crossing(tenantId, period, QuotaThreshold.Warning, used, quota));
        }
        else if (used == quota)
        {
            _crossings.Writer.TryWrite(new Crossing(tenantId, period, QuotaThreshold.Exhausted, used, quota));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
            await foreach (var crossing in _crossings.Reader.ReadAllAsync(stoppingToken))
            {
                await RecordAsync(crossing, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task RecordAsync(Crossing crossing, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<IQuotaAlertLedger>();
            if (await ledger.TryRecordAsync(crossing.TenantId, crossing.Period, crossing.Threshold, crossing.Used, crossing.Quota, cancellationToken))
            {
                logger.LogInformation("Tenant {TenantId} crossed its {Threshold} quota threshold for {Period} ({Used} of {Quota}).",
                    crossing.TenantId, crossing.Threshold, crossing.Period.Key, crossing.Used, crossing.Quota);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The store is down or refused the write: this crossing goes unreported (logged), the watcher lives on.
            logger.LogWarning(exception, "Could not record tenant {TenantId}'s {Threshold} quota crossing.", crossing.TenantId, crossing.Threshold);
        }
    }

    private readonly record struct Crossing(Guid TenantId, UsagePeriod Period, QuotaThreshold Threshold, long Used, long Quota);
}
