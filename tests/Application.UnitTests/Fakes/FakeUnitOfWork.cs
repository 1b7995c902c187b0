using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Counts saves and keeps the pending writes on success; <see cref="FailWith"/> makes the next saves throw. It stamps
/// nothing: audit fields are the persistence interceptor's, checked on PostgreSQL in Application.IntegrationTests.
/// </summary>
public sealed class FakeUnitOfWork(RecordedWrites writes) : IUnitOfWork
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

        writes.Save();
        return Task.CompletedTask;
    }
}
