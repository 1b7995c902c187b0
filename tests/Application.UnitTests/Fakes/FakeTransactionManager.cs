using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Records the command transactions the unit-of-work behavior opens: "begin", "commit", "dispose" go to
/// <see cref="Journal"/>, which other fakes (and the test's handler) can share to check the order of calls.
/// </summary>
public sealed class FakeTransactionManager(List<string>? journal = null) : ITransactionManager
{
    private readonly List<FakeCommandTransaction> _transactions = [];

    public List<string> Journal { get; } = journal ?? [];

    public IReadOnlyList<FakeCommandTransaction> Transactions => _transactions;

    public Task<ICommandTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        Journal.Add("begin");
        var transaction = new FakeCommandTransaction(Journal);
        _transactions.Add(transaction);
        return Task.FromResult<ICommandTransaction>(transaction);
    }
}

/// <summary>Rolled back when disposed without a commit, as the real one is.</summary>
public sealed class FakeCommandTransaction(List<string> journal) : ICommandTransaction
{
    public int CommitCalls { get; private set; }

    public int DisposeCalls { get; private set; }

    public bool Committed => CommitCalls > 0;

    /// <summary>Disposed without a commit.</summary>
    public bool RolledBack => DisposeCalls > 0 && !Committed;

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        if (DisposeCalls > 0)
        {
            throw new InvalidOperationException("The transaction was committed after it was disposed.");
        }

        CommitCalls++;
        journal.Add("commit");
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        DisposeCalls++;
        journal.Add("dispose");
        return ValueTask.CompletedTask;
    }
}
