using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Counts saves and commits the store's pending rows; <see cref="FailWith"/> makes the next saves throw.</summary>
public sealed class FakeUnitOfWork(InMemoryStore store, ICurrentPrincipal principal, TimeProvider clock) : IUnitOfWork
{
    /// <summary>Every call, failed ones included.</summary>
    public int SaveChangesCalls { get; private set; }

    public Exception? FailWith { get; set; }

    public Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        SaveChangesCalls++;
        if (FailWith is not null)
        {
            return Task.FromException(FailWith);
        }

        store.CommitPending(clock.GetUtcNow(), principal.ActorId ?? "system");
        return Task.CompletedTask;
    }
}
