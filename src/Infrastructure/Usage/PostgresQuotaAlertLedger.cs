using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;
using QuoinApi.Application.Usage;
#if (IncludeEvents)
using QuoinApi.Domain.Events;
#endif
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Usage;

#if (IncludeEvents)
/// <summary>
/// A row per tenant, period and threshold in <c>quota_notifications</c>, written with the event in one transaction: the
/// primary key picks the one first recorder, and a second one rolls back its copy of the event with its row.
/// </summary>
internal sealed class PostgresQuotaAlertLedger(QuoinDbContext db, ITransactionManager transactions, IEventOutbox outbox, TimeProvider clock)
    : IQuotaAlertLedger
#else
/// <summary>
/// A row per tenant, period and threshold in <c>quota_notifications</c>: the primary key picks the one first recorder,
/// so each crossing is raised once a month across every instance.
/// </summary>
internal sealed class PostgresQuotaAlertLedger(QuoinDbContext db, ITransactionManager transactions, TimeProvider clock)
    : IQuotaAlertLedger
#endif
{
    public async Task<bool> TryRecordAsync(
        Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        db.Set<QuotaNotification>().Add(new QuotaNotification
        {
            TenantId = tenantId,
            Period = period.Key,
            Threshold = threshold == QuotaThreshold.Warning ? "warning" : "exhausted",
            Used = used,
            Quota = quota,
            RaisedAt = now,
        });
#if (IncludeEvents)
        outbox.Enqueue(
            tenantId,
            threshold == QuotaThreshold.Warning ? EventTypes.QuotaWarning : EventTypes.QuotaExhausted,
            new QuotaEventData(period.Start, period.End, used, quota, Math.Max(quota - used, 0)),
            now);
#endif
        try
        {
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (UniqueConstraintException)
        {
#if (IncludeEvents)
            // Another instance reported this crossing first; its event is the one published.
#else
            // Another instance reported this crossing first.
#endif
            return false;
        }
    }
}
