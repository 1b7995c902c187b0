namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Idempotency keys, scoped to a tenant. Claims run inside the command's transaction, so the key and the command's
/// effects commit together or not at all.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for this request, or reports why it cannot be.</summary>
    Task<IdempotencyClaim> ClaimAsync(Guid? tenantId, string key, byte[] requestHash, CancellationToken cancellationToken);

    /// <summary>Stores the response for replays. <paramref name="containsSecret"/> responses are kept encrypted.</summary>
    Task CompleteAsync(Guid? tenantId, string key, byte[] requestHash, string requestName, byte[] response, bool containsSecret, CancellationToken cancellationToken);
}
