using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>The command transaction on the write context. A command sent from inside another joins its transaction.</summary>
internal sealed class TransactionManager(QuoinDbContext db) : ITransactionManager
{
    public async Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is not null
            ? JoinedTransaction.Instance
            : new OwnedTransaction(await db.Database.BeginTransactionAsync(cancellationToken));

    private sealed class OwnedTransaction(IDbContextTransaction transaction) : ICommandTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }

    private sealed class JoinedTransaction : ICommandTransaction
    {
        public static readonly JoinedTransaction Instance = new();

        public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
