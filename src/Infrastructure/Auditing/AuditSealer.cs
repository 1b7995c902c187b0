using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
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
    [FromKeyedServices(DataSourceKeys.Workers)] IDbContextFactory<QuoinDbContext> contexts,
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
        // Read untracked and written back in one set-based statement: a batch is one plan in PostgreSQL and no change
        // tracking here, not one UPDATE per entry (which PostgreSQL parsed and planned one by one).
        var due = await db.AuditEntries
            .FromSql($"""
                SELECT * FROM audit_log
                WHERE sequence IS NULL AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY tx_id, id
                LIMIT {options.Value.SealBatchSize}
                """)
            .IgnoreQueryFilters()
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var chains = due.Select(e => AuditChainHead.ChainOf(e.TenantId)).Distinct().ToList();
        var heads = await db.Set<AuditChainHead>().AsNoTracking().Where(h => chains.Contains(h.Chain)).ToDictionaryAsync(h => h.Chain, cancellationToken);
        foreach (var entry in due)
        {
            var chain = AuditChainHead.ChainOf(entry.TenantId);
            if (!heads.TryGetValue(chain, out var head))
            {
                head = new AuditChainHead(chain);
                heads.Add(chain, head);
            }

            entry.Seal(head.Sequence + 1, head.Hash);
            head.Advance(entry.Sequence!.Value, entry.Hash!);
        }

        var sealedCount = await WriteAsync(db, transaction, due, chains.Select(c => heads[c]).ToList(), cancellationToken);
        if (sealedCount != due.Count)
        {
            // Only a second sealer could have sealed one of these meanwhile, and the lock rules that out: refuse to commit.
            throw new InvalidOperationException($"The audit sealer sealed {sealedCount} of the {due.Count} entries it read; its batch is rolled back.");
        }

        var now = clock.GetUtcNow();
        foreach (var entry in due)
        {
            SealLag.Record(Math.Max(0, (now - entry.OccurredAt).TotalSeconds));
        }

        Sealed.Add(due.Count);
        return due.Count;
    }

    /// <summary>
    /// Gives the entries their places and moves the chain heads, in one statement; returns how many entries it sealed
    /// (an entry already sealed is left alone and not counted). PostgreSQL runs the heads' upsert whether or not the
    /// final SELECT reads it.
    /// </summary>
    private static async Task<int> WriteAsync(
        QuoinDbContext db, IDbContextTransaction transaction, List<AuditEntry> entries, List<AuditChainHead> heads, CancellationToken cancellationToken)
    {
        const string Sql = """
            WITH sealed AS (
                UPDATE audit_log a SET sequence = s.sequence, previous_hash = s.previous_hash, hash = s.hash
                FROM unnest($1::uuid[], $2::bigint[], $3::bytea[], $4::bytea[]) AS s(id, sequence, previous_hash, hash)
                WHERE a.id = s.id AND a.sequence IS NULL
                RETURNING 1
            ), moved AS (
                INSERT INTO audit_chain_heads (chain, sequence, hash)
                SELECT * FROM unnest($5::uuid[], $6::bigint[], $7::bytea[])
                ON CONFLICT (chain) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash
            )
            SELECT count(*)::int FROM sealed
            """;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(Sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. entries.Select(e => e.Id)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. entries.Select(e => e.Sequence!.Value)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. entries.Select(e => e.PreviousHash!)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. entries.Select(e => e.Hash!)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. heads.Select(h => h.Chain)] });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. heads.Select(h => h.Sequence)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. heads.Select(h => h.Hash)] });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
