using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The command transaction on the write context: the unit of work. Handlers change tracked aggregates and never save;
/// the commit saves everything the command left tracked (its effects, the audit entry, the idempotency record) in one
/// batch (ADR 0015). PostgreSQL runs a batch sent with one Sync as one implicit transaction, so a command that needs
/// nothing held until its commit is that batch alone: one round trip, no <c>BEGIN</c> or <c>COMMIT</c>
/// (<see cref="AtomicBatchFactory"/>). Work that must hold something until the commit (the idempotency claim's
/// transaction-scoped lock) calls <see cref="StartAsync"/> first, and the command then commits an explicit transaction.
/// Commands do not nest: a command sent from inside another would either commit half of its caller's work or run its
/// caller's after-commit work before the commit, so beginning a second one in one scope is a programming error, refused
/// loudly.
/// </summary>
internal sealed class TransactionManager(QuoinDbContext db) : ITransactionManager, IAsyncDisposable
{
    private bool _open;
    private IDbContextTransaction? _transaction;

    public Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_open || db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                "A command was sent while another command's transaction is open. Commands do not nest: do the work in one " +
                "handler, or send the second command after the first has returned.");
        }

        _open = true;
        return Task.FromResult<ICommandTransaction>(new CommandTransaction(this));
    }

    /// <summary>
    /// Starts the open command's database transaction now, for work whose effect must last until the command commits
    /// (a transaction-scoped advisory lock). Called again, it does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">No command transaction is open in this scope.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_open)
        {
            throw new InvalidOperationException(
                "Work that holds a transaction-scoped lock runs inside a command: begin the command transaction first.");
        }

        if (_transaction is null)
        {
            // EF Core wraps a save inside a caller's transaction in a savepoint so that the caller could carry on after a
            // failed save. A command never does: a failed commit disposes (rolls back) the whole transaction. The
            // savepoint would cost two round trips (SAVEPOINT, RELEASE) and make PostgreSQL run the writes in a
            // subtransaction.
            db.Database.AutoSavepointsEnabled = false;
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
    }

    /// <exception cref="UniqueConstraintException">A unique index refused a write (see <see cref="ExpectedConflicts"/>).</exception>
    /// <exception cref="ConcurrencyConflictException">A row changed since the command read it.</exception>
    private async Task CommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Without an explicit transaction EF Core sends a one-batch save as it is (atomic in PostgreSQL) and wraps
            // its own transaction around a save it has to split into several batches.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new UniqueConstraintException(unique.ConstraintName ?? "unknown", exception);
        }

        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Ends the command: a started transaction that did not commit rolls back.</summary>
    public async ValueTask DisposeAsync()
    {
        _open = false;
        if (_transaction is not null)
        {
            var transaction = _transaction;
            _transaction = null;
            await transaction.DisposeAsync();
        }
    }

    private sealed class CommandTransaction(TransactionManager manager) : ICommandTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => manager.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => manager.DisposeAsync();
    }
}
