using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QuoinApi.Api.RateLimiting;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Api.Authentication;

/// <summary>Authenticates <c>X-Api-Key: qk_...</c> or <c>Authorization: Bearer qk_...</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (check, key) = await authenticator.AuthenticateAsync(presented, Context.Connection.RemoteIpAddress, Context.RequestAborted);
        if (check is ApiKeyCheck.Throttled or ApiKeyCheck.Invalid)
        {
            // The check spent the address's unauthenticated budget already; refused, the rate limiter answers 429.
            Context.Items[QuoinRateLimiter.AddressCharged] = check == ApiKeyCheck.Throttled;
        }

        if (check == ApiKeyCheck.Throttled)
        {
            return AuthenticateResult.Fail("The API key could not be checked: too many unknown credentials from this address.");
        }

        if (check != ApiKeyCheck.Valid || key is null)
        {
            return AuthenticateResult.Fail(check == ApiKeyCheck.Malformed ? "The API key is malformed." : "The API key is invalid, expired or revoked.");
        }

        var claims = new List<Claim>(4)
        {
            new(QuoinClaims.Subject, "key:" + key.Id.ToString()),
            new(QuoinClaims.ApiKeyId, key.Id.ToString()),
            new(QuoinClaims.Scope, string.Join(' ', key.Scopes)),
        };
        if (key.TenantId is { } tenantId)
        {
            claims.Add(new Claim(QuoinClaims.TenantId, tenantId.ToString()));
        }

#if (IncludeRatePlans)
        if (key.Caller is { } caller)
        {
            Context.Features.Set(caller);
        }

#endif
        var identity = new ClaimsIdentity(claims, Scheme.Name, QuoinClaims.Subject, roleType: null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    internal static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(AuthSchemes.ApiKeyHeader, out var header) && header.Count > 0)
        {
            return header[0];
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}
