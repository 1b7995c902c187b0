using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Domain.Audit;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Auditing;

/// <summary>
/// Places recorded audit entries in their chains, in commit order, one sealer at a time across every instance
/// (ADR 0014). Commands only insert their entry; this service gives it a sequence and its hash links afterwards.
/// </summary>
/// <remarks>
/// Each entry row carries its writer's transaction id (<c>tx_id</c>, defaulted to <c>pg_current_xact_id()</c>). A batch
/// takes only rows below <c>pg_snapshot_xmin(pg_current_snapshot())</c>: every transaction under that horizon has
/// finished, so no row can still appear before the ones sealed, and sealing in <c>(tx_id, id)</c> order never has to
/// be redone. A transaction-scoped advisory lock makes one sealer run at a time; the batch, the new sequences and the
/// chain heads commit together, so a sealer killed mid-batch leaves nothing half done.
/// </remarks>
public sealed partial class AuditSealer(
    IDbContextFactory<QuoinDbContext> contexts,
    IOptions<AuditOptions> options,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<AuditSealer> logger)
    : BackgroundService
{
    private static readonly Histogram<double> SealLag = QuoinTelemetry.Meter.CreateHistogram(
        "quoinapi.audit.seal_lag", "s", "Time from an audit entry's recording to its sealing into the chain.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private static readonly Counter<long> Sealed = QuoinTelemetry.Meter.CreateCounter<long>(
        "quoinapi.audit.sealed", "{entry}", "Audit entries sealed into their chains.");

    // Scheduling runs on real time, never on the injected clock: a test's frozen clock must not stop the sealer.
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Queued after each command commit; one cached delegate, so a command allocates nothing for it.</summary>
    internal Func<CancellationToken, Task> WakeAfterCommit => _wakeAfterCommit ??= _ =>
    {
        Wake();
        return Task.CompletedTask;
    };

    private Func<CancellationToken, Task>? _wakeAfterCommit;

    /// <summary>Asks for a pass soon: an entry was committed on this instance.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke it first: one pass serves both.
            }
        }
    }

    /// <summary>Seals everything committed so far (batch after batch); returns how many entries it sealed.</summary>
    public async Task<int> SealCommittedAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        int count;
        do
        {
            count = await SealBatchAsync(cancellationToken);
            total += Math.Max(count, 0);
        }
        while (count == options.Value.SealBatchSize);

        return total;
    }

    /// <summary>
    /// Seals one batch in one transaction. Returns the number sealed, or -1 when another sealer holds the lock.
    /// </summary>
    public async Task<int> SealBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended('quoinapi:audit-sealer', 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return -1;
        }

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
        await transaction.CommitAsync(cancellationToken);

        var now = clock.GetUtcNow();
        foreach (var entry in due)
        {
            SealLag.Record(Math.Max(0, (now - entry.OccurredAt).TotalSeconds));
        }

        Sealed.Add(due.Count);
        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing to seal, and no table to seal it in, before the migrations (DatabaseInitializer opens the gate).
        try
        {
            await readiness.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SealCommittedAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception exception) when (
                exception is NpgsqlException or DbUpdateException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                // The database is down or not migrated yet: nothing is lost (entries wait in the log), so retry calmly.
                failures++;
                LogSealFailed(logger, exception.GetType().Name, exception.Message);
            }

            try
            {
                var idle = failures == 0 ? options.Value.SealInterval : TimeSpan.FromSeconds(Math.Min(30, failures * 2));
                await _wake.WaitAsync(idle, stoppingToken);
                await Task.Delay(options.Value.SealDebounce, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sealing audit entries failed ({Error}: {Reason}); they stay recorded and are sealed on a later pass.")]
    private static partial void LogSealFailed(ILogger logger, string error, string reason);
}
