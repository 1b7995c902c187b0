namespace QuoinApi.Api.Authentication;

/// <summary>Claim types QuoinApi issues and reads, the same for API keys and JWTs.</summary>
public static class QuoinClaims
{
    public const string TenantId = "tenant_id";
    public const string Scope = "scope";
    public const string Subject = "sub";
    public const string ApiKeyId = "api_key_id";
}
