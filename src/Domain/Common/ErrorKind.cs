namespace QuoinApi.Domain.Common;

/// <summary>
/// The kinds of expected failure, in the terms of the use cases. Whoever answers the caller translates each kind into
/// its own vocabulary, in one place.
/// </summary>
public enum ErrorKind
{
    /// <summary>The request breaks a rule about its own values.</summary>
    Validation,

    /// <summary>The resource does not exist for this caller (unknown, another tenant's, or deleted).</summary>
    NotFound,

    /// <summary>The request clashes with the current state (a unique value in use, a state that does not allow it).</summary>
    Conflict,

    /// <summary>The caller may not do this, whatever the state.</summary>
    Forbidden,

    /// <summary>The request was made against a version of the resource that is no longer the current one.</summary>
    VersionMismatch,

    /// <summary>An idempotency key that already stands for a different request.</summary>
    IdempotencyKeyReused,
}
