namespace QuoinApi.Api.Authentication;

/// <summary>Configuration section <c>Authentication:Jwt</c>. Use <see cref="Authority"/> (OIDC) in production,
/// <see cref="SigningKey"/> only for development and tests.</summary>
public sealed class JwtOptions
{
    public const string SectionName = "Authentication:Jwt";

    public string? Authority { get; set; }

    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "quoinapi-dev";

    public string Audience { get; set; } = "quoinapi";
}
