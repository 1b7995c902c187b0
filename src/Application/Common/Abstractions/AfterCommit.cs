namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Work that must wait until the command's transaction has committed, such as evicting caches: done earlier, a
/// concurrent reader could re-cache the old state before the commit makes the new one visible. The unit-of-work
/// behavior runs these after the command's one transaction commits (commands do not nest, so there is no inner
/// "commit" that could run them early) and discards them on a rollback; failures are logged, never turned into a
/// failed command.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Add(Func<CancellationToken, Task> action) => _actions.Add(action);

    /// <summary>Runs and clears the queued actions; returns the exceptions they threw.</summary>
    public async Task<IReadOnlyList<Exception>> RunAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        var actions = _actions.ToArray();
        _actions.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add(exception);
            }
        }

        return failures;
    }

    /// <summary>Drops queued work of a transaction that rolled back.</summary>
    public void Discard() => _actions.Clear();
}
