namespace QuoinApi.Domain.ApiKeys;

/// <summary>Whether a key authenticates at a given instant.</summary>
public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}
