using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.IntegrationTests.Support;

/// <summary>Records what a handler asks to evict, in place of the cache (which evicts after the commit).</summary>
public sealed class RecordingApiKeyCacheInvalidator : IApiKeyCacheInvalidator
{
    private readonly List<byte[]> _evictedHashes = [];

    public IReadOnlyList<byte[]> EvictedHashes => _evictedHashes;

    public int InvalidateCalls { get; private set; }

    public Task InvalidateAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken)
    {
        InvalidateCalls++;
        _evictedHashes.AddRange(secretHashes);
        return Task.CompletedTask;
    }
}
