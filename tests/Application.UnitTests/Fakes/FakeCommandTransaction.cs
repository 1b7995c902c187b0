using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

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
