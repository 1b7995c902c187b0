using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Events;
using QuoinApi.Application.Usage;
using QuoinApi.Domain.Events;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>
/// A row per tenant, period and threshold in <c>quota_notifications</c>; the primary key picks the one first recorder,
/// whose transaction also writes the event into the outbox: the event is published once, and only if the row commits.
/// </summary>
public sealed class PostgresQuotaAlertLedger(IDbContextFactory<QuoinDbContext> contexts, TimeProvider clock) : IQuotaAlertLedger
{
    public async Task<bool> TryRecordAsync(
        Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = threshold == QuotaThreshold.Warning ? "warning" : "exhausted";

        // Not a request: a context of its own (no caller), with the outbox every command uses.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outbox = new Events.EventOutbox(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var recorded = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO quota_notifications (tenant_id, period, threshold, used, quota, raised_at)
            VALUES ({tenantId}, {period.Key}, {name}, {used}, {quota}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (recorded == 0)
        {
            return false;
        }

        outbox.Enqueue(tenantId, threshold == QuotaThreshold.Warning ? EventTypes.QuotaWarning : EventTypes.QuotaExhausted,
            new QuotaEventData(period.Start, period.End, used, quota), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
