using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Records what the handlers evict, so tests can check which keys stop being served from the cache.</summary>
public sealed class FakeApiKeyCacheInvalidator : IApiKeyCacheInvalidator
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
