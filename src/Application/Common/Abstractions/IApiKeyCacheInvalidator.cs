namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Validated keys are cached so authentication costs no database round trip; a revoke, rotation or tenant deletion
/// must evict them from every instance.
/// </summary>
public interface IApiKeyCacheInvalidator
{
    Task InvalidateAsync(IEnumerable<byte[]> secretHashes, CancellationToken cancellationToken);
}
