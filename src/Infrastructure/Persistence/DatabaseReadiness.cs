namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// Completes once the schema is up to date and the bootstrap key is seeded (<see cref="DatabaseInitializer"/>).
/// Background work that touches the database waits for it, so on a fresh database nothing runs before the migrations.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>Waits until the database is ready; throws <see cref="OperationCanceledException"/> when stopped first.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    internal void MarkReady() => _ready.TrySetResult();
}
