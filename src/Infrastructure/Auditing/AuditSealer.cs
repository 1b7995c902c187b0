using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Domain.Audit;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Auditing;

#if (IncludeEvents)
/// <summary>
/// Places recorded audit entries in their chains, in commit order, one sealer at a time across every instance
/// (ADR 0014). Commands only insert their entry; this service gives it a sequence and its hash links afterwards.
/// </summary>
/// <remarks>
/// Each entry row carries its writer's transaction id (<c>tx_id</c>, defaulted to <c>pg_current_xact_id()</c>). A batch
/// takes only rows below <c>pg_snapshot_xmin(pg_current_snapshot())</c>: every transaction under that horizon has
/// finished, so no row can still appear before the ones sealed, and sealing in <c>(tx_id, id)</c> order never has to
/// be redone. A transaction-scoped advisory lock makes one sealer run at a time; the batch, the new sequences and the
/// chain heads commit together, so a sealer killed mid-batch leaves nothing half done. The scheduling and the lock are
/// <see cref="CommitOrderedWorker"/>'s, shared with the outbox relay.
/// </remarks>
#else
/// <summary>
/// Places recorded audit entries in their chains, in commit order, one sealer at a time across every instance
/// (ADR 0014). Commands only insert their entry; this service gives it a sequence and its hash links afterwards.
/// </summary>
/// <remarks>
/// Each entry row carries its writer's transaction id (<c>tx_id</c>, defaulted to <c>pg_current_xact_id()</c>). A batch
/// takes only rows below <c>pg_snapshot_xmin(pg_current_snapshot())</c>: every transaction under that horizon has
/// finished, so no row can still appear before the ones sealed, and sealing in <c>(tx_id, id)</c> order never has to
/// be redone. A transaction-scoped advisory lock makes one sealer run at a time; the batch, the new sequences and the
/// chain heads commit together, so a sealer killed mid-batch leaves nothing half done. The scheduling and the lock are
/// <see cref="CommitOrderedWorker"/>'s.
/// </remarks>
#endif
public sealed class AuditSealer(
    IDbContextFactory<QuoinDbContext> contexts,
    IOptions<AuditOptions> options,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<AuditSealer> logger)
    : CommitOrderedWorker(readiness, logger)
{
    private static readonly Histogram<double> SealLag = QuoinTelemetry.Meter.CreateHistogram(
        "quoinapi.audit.seal_lag", "s", "Time from an audit entry's recording to its sealing into the chain.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> Sealed = QuoinTelemetry.Meter.CreateCounter<long>(
        "quoinapi.audit.sealed", "{entry}", "Audit entries sealed into their chains.");

    protected override string LockName => "quoinapi:audit-sealer";

    protected override int BatchSize => options.Value.SealBatchSize;

    protected override TimeSpan PollInterval => options.Value.SealInterval;

    protected override TimeSpan Debounce => options.Value.SealDebounce;

    /// <summary>Seals everything committed so far (batch after batch); returns how many entries it sealed.</summary>
    public Task<int> SealCommittedAsync(CancellationToken cancellationToken) => ProcessCommittedAsync(cancellationToken);

    /// <summary>
    /// Seals one batch in one transaction. Returns the number sealed, or -1 when another sealer holds the lock.
    /// </summary>
    public Task<int> SealBatchAsync(CancellationToken cancellationToken) => ProcessOneBatchAsync(cancellationToken);

    protected override async Task<QuoinDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        await contexts.CreateDbContextAsync(cancellationToken);

    protected override async Task<int> ProcessBatchAsync(QuoinDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var due = await db.AuditEntries
            .FromSql($"""
                SELECT * FROM audit_log
                WHERE sequence IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY tx_id, id
                LIMIT {options.Value.SealBatchSize}
                """)
            .IgnoreQueryFilters()
            .AsTracking()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var chains = due.Select(e => AuditChainHead.ChainOf(e.TenantId)).Distinct().ToList();
        var heads = await db.Set<AuditChainHead>().Where(h => chains.Contains(h.Chain)).ToDictionaryAsync(h => h.Chain, cancellationToken);
        foreach (var entry in due)
        {
            var chain = AuditChainHead.ChainOf(entry.TenantId);
            if (!heads.TryGetValue(chain, out var head))
            {
                head = new AuditChainHead(chain);
                db.Add(head);
                heads.Add(chain, head);
            }

            entry.Seal(head.Sequence + 1, head.Hash);
            head.Advance(entry.Sequence!.Value, entry.Hash!);
        }

        await db.SaveChangesAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var entry in due)
        {
            SealLag.Record(Math.Max(0, (now - entry.OccurredAt).TotalSeconds));
        }

        Sealed.Add(due.Count);
        return due.Count;
    }
}
