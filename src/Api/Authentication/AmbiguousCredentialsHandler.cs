using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace QuoinApi.Api.Authentication;

/// <summary>
/// One credential per request: two <c>X-Api-Key</c> headers, two <c>Authorization</c> headers, or a key beside a
/// different bearer token are refused (401) instead of letting one of them win.
/// </summary>
internal sealed class AmbiguousCredentialsHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Message = "More than one credential was presented: send one API key or one bearer token.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.Fail(Message));

    /// <summary>True when the request carries more than one credential (the same key as header and bearer is one).</summary>
    public static bool AreAmbiguous(HttpRequest request)
    {
        var keys = request.Headers[AuthSchemes.ApiKeyHeader];
        var authorization = request.Headers.Authorization;
        if (keys.Count > 1 || authorization.Count > 1)
        {
            return true;
        }

        if (keys.Count == 1 && authorization.Count == 1)
        {
            var value = authorization[0] ?? string.Empty;
            var bearer = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : null;
            return !string.Equals(bearer, keys[0], StringComparison.Ordinal);
        }

        return false;
    }
}
