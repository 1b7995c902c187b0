using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Exceptions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The command transaction on the write context: the unit of work. Handlers change tracked aggregates and never save;
/// the commit saves everything the command left tracked (its effects, the audit entry, the idempotency record) in one
/// batch and commits, two round trips in all (ADR 0015). Commands do not nest: a command sent from inside another
/// would either commit half of its caller's work or run its caller's after-commit work before the commit, so
/// beginning a second transaction in one scope is a programming error, refused loudly.
/// </summary>
internal sealed class TransactionManager(QuoinDbContext db) : ITransactionManager
{
    public async Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                "A command was sent while another command's transaction is open. Commands do not nest: do the work in one " +
                "handler, or send the second command after the first has returned.");
        }

        // EF Core wraps a save inside a caller's transaction in a savepoint so that the caller could carry on after a
        // failed save. A command never does: a failed commit disposes (rolls back) the whole transaction. The savepoint
        // would cost two round trips (SAVEPOINT, RELEASE) and make PostgreSQL run the writes in a subtransaction.
        db.Database.AutoSavepointsEnabled = false;
        return new OwnedTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken));
    }

    private sealed class OwnedTransaction(QuoinDbContext db, IDbContextTransaction transaction) : ICommandTransaction
    {
        /// <exception cref="UniqueConstraintException">A unique index refused a write (see <see cref="ExpectedConflicts"/>).</exception>
        /// <exception cref="ConcurrencyConflictException">A row changed since the command read it.</exception>
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            try
            {
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

            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
