using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Rolled back when disposed without a commit, as the real one is. <paramref name="commitFailure"/> is what the store
/// throws at commit (the real commit writes the command's batch there), if anything.
/// </summary>
public sealed class FakeCommandTransaction(List<string> journal, Exception? commitFailure = null) : ICommandTransaction
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

        if (commitFailure is not null)
        {
            journal.Add("commit refused");
            return Task.FromException(commitFailure);
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
