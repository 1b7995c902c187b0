namespace QuoinApi.Infrastructure.Health;

/// <summary>
/// Runs a check at most once per interval and lets concurrent callers share the one in flight, so 64 probes at once
/// cost one database or Redis round trip, not 64 connections.
/// </summary>
internal sealed class CachedProbe<T>(Func<CancellationToken, Task<T>> check, TimeSpan interval, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Task<T>? _current;
    private DateTimeOffset _startedAt;

    public Task<T> GetAsync()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is null || (_current.IsCompleted && now - _startedAt >= interval))
            {
                _startedAt = now;
                _current = check(CancellationToken.None);
            }

            return _current;
        }
    }
}
