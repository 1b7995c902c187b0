namespace QuoinApi.Api.Authentication;

public static class AuthSchemes
{
    /// <summary>Picks API key or JWT per request by the shape of the credentials.</summary>
    public const string Default = "ApiKeyOrJwt";
    public const string ApiKey = "ApiKey";
#if (IncludeJwt)
    public const string Jwt = "Bearer";
#endif

    /// <summary>Chosen when a request carries more than one credential; always fails.</summary>
    public const string Ambiguous = "AmbiguousCredentials";
    public const string ApiKeyHeader = "X-Api-Key";
}
