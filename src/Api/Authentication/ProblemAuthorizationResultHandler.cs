using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace QuoinApi.Api.Authentication;

/// <summary>401 and 403 as RFC 9457 problems, with <c>WWW-Authenticate</c> on 401 (RFC 6750).</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            // The authentication middleware keeps only successes; the handler caches its result, so this costs nothing.
            var failure = (await context.AuthenticateAsync()).Failure;
            var presented = failure is not null;
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = presented
                ? new(["Bearer realm=\"quoinapi\", error=\"invalid_token\"", $"ApiKey realm=\"quoinapi\", header=\"{AuthSchemes.ApiKeyHeader}\""])
                : new(["Bearer realm=\"quoinapi\"", $"ApiKey realm=\"quoinapi\", header=\"{AuthSchemes.ApiKeyHeader}\""]);
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", failure switch
            {
                null => $"Authentication is required: send an API key ({AuthSchemes.ApiKeyHeader} or Authorization: Bearer) or a bearer token.",
                _ when failure.Message.StartsWith("The API key", StringComparison.Ordinal) => failure.Message,
                _ => "The bearer token is invalid or expired.",
            });
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var required = policy.Requirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToArray();
            await WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", required.Length > 0
                ? $"The credentials lack the required scope: {string.Join(", ", required)}."
                : "The credentials do not allow this operation.");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
