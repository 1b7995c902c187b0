using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The command transaction on the write context. Commands do not nest: a command sent from inside another would
/// either commit half of its caller's work or run its caller's after-commit work before the commit, so beginning a
/// second transaction in one scope is a programming error, refused loudly. Commit first saves what is still tracked
/// (the audit entry, the idempotency record), so those ride in one batch with no round trip of their own.
/// </summary>
internal sealed class TransactionManager(QuoinDbContext db, IUnitOfWork unitOfWork) : ITransactionManager
{
    public async Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException(
                "A command was sent while another command's transaction is open. Commands do not nest: do the work in one " +
                "handler, or send the second command after the first has returned.");
        }

        return new OwnedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), unitOfWork);
    }

    private sealed class OwnedTransaction(IDbContextTransaction transaction, IUnitOfWork unitOfWork) : ICommandTransaction
    {
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
