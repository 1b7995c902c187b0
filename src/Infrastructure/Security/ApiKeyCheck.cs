namespace QuoinApi.Infrastructure.Security;

/// <summary>The outcome of checking a presented key: well-formed and valid, malformed (no I/O spent), or unknown, expired or revoked.</summary>
public enum ApiKeyCheck
{
    Valid,
    Malformed,
    Invalid,
}
