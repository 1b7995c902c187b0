using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The command transaction on the write context. A command sent from inside another joins its transaction. Commit
/// first saves what is still tracked (the audit entry, the idempotency record), so those ride in one batch with no
/// round trip of their own.
/// </summary>
internal sealed class TransactionManager(QuoinDbContext db, IUnitOfWork unitOfWork) : ITransactionManager
{
    public async Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? JoinedTransaction.Instance
            : new OwnedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), unitOfWork);

    private sealed class OwnedTransaction(IDbContextTransaction transaction, IUnitOfWork unitOfWork) : ICommandTransaction
    {
        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    private sealed class JoinedTransaction : ICommandTransaction
    {
        public static readonly JoinedTransaction Instance = new();

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
