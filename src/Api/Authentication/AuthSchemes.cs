namespace QuoinApi.Api.Authentication;

public static class AuthSchemes
{
    /// <summary>Picks API key or JWT per request by the shape of the credentials.</summary>
    public const string Default = "ApiKeyOrJwt";
    public const string ApiKey = "ApiKey";
    public const string Jwt = "Bearer";

    /// <summary>Chosen when a request carries more than one credential; always fails.</summary>
    public const string Ambiguous = "AmbiguousCredentials";
    public const string ApiKeyHeader = "X-Api-Key";
}

/// <summary>Claim types QuoinApi issues and reads, the same for API keys and JWTs.</summary>
public static class QuoinClaims
{
    public const string TenantId = "tenant_id";
    public const string Scope = "scope";
    public const string Subject = "sub";
    public const string ApiKeyId = "api_key_id";
}
