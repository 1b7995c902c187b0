namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// The outcome of checking a presented key: well-formed and valid, malformed (no I/O spent), unknown, expired or
/// revoked, or not checked because the client's address spent its budget of database look-ups.
/// </summary>
public enum ApiKeyCheck
{
    Valid,
    Malformed,
    Invalid,
    Throttled,
}
