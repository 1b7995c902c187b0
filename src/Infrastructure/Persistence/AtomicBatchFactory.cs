using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Update;
#pragma warning disable EF1001 // Npgsql's batch is "internal" API; CommandTransactionTests pins what this class relies on.
using Npgsql.EntityFrameworkCore.PostgreSQL.Update.Internal;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// Npgsql's update batches, reporting that a batch of inserts needs no transaction of its own. EF Core begins a
/// transaction around a save that has no caller's transaction when the save takes several batches or its one batch
/// "requires" one; the relational default says any batch of two or more statements does. For inserts on PostgreSQL that
/// costs a <c>BEGIN</c> and a <c>COMMIT</c> round trip for nothing: Npgsql sends a batch with one Sync at its end, and
/// PostgreSQL runs everything up to a Sync as one implicit transaction, all or nothing, and an insert either writes its
/// row or fails the batch. An update or delete is different: EF Core checks after the batch that it touched exactly one
/// row (the row version, ADR 0015), and by then an implicit transaction has committed, so a batch holding one keeps
/// its transaction. A save that EF Core splits into several batches gets one too.
/// </summary>
internal sealed class AtomicBatchFactory(
    ModificationCommandBatchFactoryDependencies dependencies, IModificationCommandFactory commands, IDbContextOptions options)
    : IModificationCommandBatchFactory
{
    /// <summary>Npgsql's default when the options set none.</summary>
    private const int DefaultMaxBatchSize = 1000;

    private readonly ModificationCommandBatchFactoryDependencies _dependencies = dependencies;

    private readonly IModificationCommandFactory _commands = commands;

    private readonly int _maxBatchSize = RelationalOptionsExtension.Extract(options).MaxBatchSize ?? DefaultMaxBatchSize;

    private readonly bool _sensitiveLogging = options.FindExtension<CoreOptionsExtension>()?.IsSensitiveDataLoggingEnabled ?? false;

    public ModificationCommandBatch Create() => new InsertsAtomicBatch(this);

    /// <summary>
    /// Also carries the context's <see cref="AppendedRows"/>: the last batch of a save (the only one when it has no
    /// successor) appends their inserts after the tracked changes, so they commit with them. Inside a transaction that
    /// EF Core or the caller holds across several batches, the last one is in it as well.
    /// </summary>
    private sealed class InsertsAtomicBatch(AtomicBatchFactory factory)
        : NpgsqlModificationCommandBatch(factory._dependencies, factory._maxBatchSize)
    {
        private bool _onlyInserts = true;

        public override bool RequiresTransaction => !_onlyInserts && base.RequiresTransaction;

        public override void Complete(bool moreBatchesExpected)
        {
            if (!moreBatchesExpected && Dependencies.CurrentContext.Context is QuoinDbContext { AppendedRows: { Pending.Count: > 0 } rows } db)
            {
                Append(rows, db);
            }

            base.Complete(moreBatchesExpected);
        }

        protected override void AddCommand(IReadOnlyModificationCommand modificationCommand)
        {
            base.AddCommand(modificationCommand);

            // Never set back: a command rolled back out of a full batch leaves it safely transactional.
            _onlyInserts &= modificationCommand.EntityState == EntityState.Added;
        }

        private void Append(AppendedRows rows, QuoinDbContext db)
        {
            // Names of their own: the tracked commands' parameters are p0, p1... in this batch.
            var next = 0;
            string ParameterName() => "r" + next++.ToString(CultureInfo.InvariantCulture);
            foreach (var row in rows.Pending)
            {
                var command = AppendedRowCommands.Create(factory._commands, db.Model, row, ParameterName, factory._sensitiveLogging);
                if (!TryAddCommand(command))
                {
                    // AppendedRowsInterceptor tracks the rows of a save this large instead; failing here rolls the save back.
                    throw new InvalidOperationException($"The save's last batch has no room for its {rows.Pending.Count} appended rows.");
                }
            }

            rows.InBatch = true;
        }
    }
}
