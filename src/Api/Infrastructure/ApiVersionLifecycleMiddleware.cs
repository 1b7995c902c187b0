using System.Globalization;
using Asp.Versioning;
using Microsoft.Extensions.Options;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// Completes the version headers (docs/http-contract.md#versioning) on every /api response, including those answered before MVC runs (401, 404):
/// <c>api-supported-versions</c> always, and for v1 <c>api-deprecated-versions</c> plus the Deprecation, Sunset and
/// Link headers, written by Asp.Versioning's own policy writers. After v1's sunset date every v1 request is 410 Gone
/// with a problem that links to the migration guide.
/// </summary>
internal sealed class ApiVersionLifecycleMiddleware(
    RequestDelegate next,
    TimeProvider clock,
    IOptions<VersioningOptions> options,
    IPolicyManager<SunsetPolicy> sunsetPolicies,
    IPolicyManager<DeprecationPolicy> deprecationPolicies)
{
    public const string SupportedVersions = "1.0, 2.0";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        var isV1 = context.Request.Path.StartsWithSegments("/api/v1");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["api-supported-versions"] = SupportedVersions;
            if (isV1)
            {
                headers["api-deprecated-versions"] = VersioningSetup.V1.ToString("F", CultureInfo.InvariantCulture);
                if (!headers.ContainsKey("Deprecation") && deprecationPolicies.TryGetPolicy(VersioningSetup.V1, out var deprecation))
                {
                    context.Response.WriteDeprecationPolicy(deprecation!);
                }

                if (!headers.ContainsKey("Sunset") && sunsetPolicies.TryGetPolicy(VersioningSetup.V1, out var sunset))
                {
                    context.Response.WriteSunsetPolicy(sunset!);
                }
            }

            return Task.CompletedTask;
        });

        var versioning = options.Value;
        if (!isV1 || clock.GetUtcNow() < versioning.V1SunsetAt)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status410Gone;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Type = versioning.MigrationGuideUrl.ToString(),
                Status = StatusCodes.Status410Gone,
                Title = "API version retired",
                Detail = $"v1 was retired on {versioning.V1SunsetAt:yyyy-MM-dd}. Use /api/v2; the migration guide is at {versioning.MigrationGuideUrl}.",
            },
        }).AsTask();
    }
}
