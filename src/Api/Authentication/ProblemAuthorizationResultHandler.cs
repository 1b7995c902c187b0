using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using QuoinApi.Api.Infrastructure;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Api.Authentication;

/// <summary>401 and 403 as RFC 9457 problems, with <c>WWW-Authenticate</c> on 401 (RFC 6750).</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
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
            await context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", failure switch
            {
#if (IncludeJwt)
                null => $"Authentication is required: send an API key ({AuthSchemes.ApiKeyHeader} or Authorization: Bearer) or a bearer token.",
#else
                null => $"Authentication is required: send an API key ({AuthSchemes.ApiKeyHeader} or Authorization: Bearer).",
#endif
                // Our own refusals say what was wrong; the token library's messages stay inside.
                _ when failure.Message.StartsWith("The API key", StringComparison.Ordinal)
                    || failure.Message.StartsWith("The bearer token", StringComparison.Ordinal)
                    || failure.Message == AmbiguousCredentialsHandler.Message => failure.Message,
                _ => "The bearer token is invalid or expired.",
            });
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var required = policy.Requirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToArray();
            await AuditDenialAsync(context, required);
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", required.Length > 0
                ? $"The credentials lack the required scope: {string.Join(", ", required)}."
                : "The credentials do not allow this operation.");
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Every authorization denial is audited, in a transaction of its own.</summary>
    private static Task AuditDenialAsync(HttpContext context, string[] requiredScopes)
    {
        var services = context.RequestServices;
        var principal = services.GetRequiredService<ICurrentPrincipal>();
        var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
        var record = new AuditRecord(
            principal.TenantId,
            principal.ActorId ?? "anonymous",
            "authorization.denied",
            "endpoint",
            $"{context.Request.Method} {endpoint}",
            AuditRecord.Denied,
            services.GetRequiredService<RequestContext>().RequestId,
            System.Diagnostics.Activity.Current?.TraceId.ToString(),
            System.Text.Json.JsonSerializer.Serialize(new { requiredScopes }));
        return services.GetRequiredService<IAuditTrail>().AppendDeniedAsync(record, context.RequestAborted);
    }
}
