namespace QuoinApi.Api.Authentication;

public static class AuthSchemes
{
    /// <summary>Picks API key or JWT per request by the shape of the credentials.</summary>
    public const string Default = "ApiKeyOrJwt";
    public const string ApiKey = "ApiKey";
    public const string Jwt = "Bearer";
    public const string ApiKeyHeader = "X-Api-Key";
}
