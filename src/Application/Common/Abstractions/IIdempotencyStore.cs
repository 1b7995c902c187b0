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

public enum IdempotencyClaimStatus
{
    /// <summary>New key: run the command.</summary>
    Claimed,

    /// <summary>The same key and the same request completed before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The same key was used for a different request: 422.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running: 409.</summary>
    InFlight,

    /// <summary>The stored response cannot be decrypted (the encryption key changed): 409, never a re-run.</summary>
    Unreplayable,
}

public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, byte[]? Response = null);

/// <summary>Marks a response that carries a secret (a new API key); its stored copy is encrypted.</summary>
public interface IContainsSecret;
