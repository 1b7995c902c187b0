namespace QuoinApi.Application.Common.Abstractions;

public enum IdempotencyClaimStatus
{
    /// <summary>New key: run the command.</summary>
    Claimed,

    /// <summary>The same key and the same request completed before: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The same key was used for a different request: an <c>IdempotencyKeyReused</c> failure.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running: a <c>Conflict</c>.</summary>
    InFlight,

    /// <summary>The stored response cannot be decrypted (the encryption key changed): a <c>Conflict</c>, never a re-run.</summary>
    Unreplayable,
}
