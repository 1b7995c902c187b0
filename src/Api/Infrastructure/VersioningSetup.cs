using System.Globalization;
using Asp.Versioning;
using Microsoft.Extensions.Options;

namespace QuoinApi.Api.Infrastructure;

/// <summary>Configuration section <c>Versioning</c>: the v1 retirement dates and the documents clients are sent to.</summary>
public sealed class VersioningOptions
{
    public const string SectionName = "Versioning";

    /// <summary>When v1 counts as deprecated (the <c>Deprecation</c> header, RFC 9745).</summary>
    public DateTimeOffset V1DeprecatedAt { get; set; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When v1 stops answering (the <c>Sunset</c> header, RFC 8594); after it, v1 is 410 Gone.</summary>
    public DateTimeOffset V1SunsetAt { get; set; } = new(2027, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public Uri PolicyUrl { get; set; } = new("https://quoinapi.example/docs/guides/versioning-policy");

    public Uri MigrationGuideUrl { get; set; } = new("https://quoinapi.example/docs/guides/migrating-v1-to-v2");
}

/// <summary>
/// URL-segment versions (v1, v2), reported on every response; v1's deprecation and sunset through Asp.Versioning's
/// policies (Deprecation, Sunset and Link headers; deprecated operations in OpenAPI); 410 after the sunset date.
/// </summary>
internal static class VersioningSetup
{
    public static readonly ApiVersion V1 = new(1, 0);
    public static readonly ApiVersion V2 = new(2, 0);

    public static IServiceCollection AddQuoinVersioning(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(VersioningOptions.SectionName);
        services.Configure<VersioningOptions>(section);
        var versioning = section.Get<VersioningOptions>() ?? new VersioningOptions();

        services.AddApiVersioning(options =>
            {
                options.DefaultApiVersion = V2;
                options.ReportApiVersions = true;
                options.ApiVersionReader = new UrlSegmentApiVersionReader();
                options.Policies.Deprecate(V1)
                    .Effective(versioning.V1DeprecatedAt)
                    .Link(versioning.PolicyUrl).Title("QuoinApi versioning policy").Type("text/html");
                options.Policies.Sunset(V1)
                    .Effective(versioning.V1SunsetAt)
                    .Link(versioning.MigrationGuideUrl).Title("Migrating from v1 to v2").Type("text/html");
            })
            .AddMvc()
            .AddApiExplorer(options =>
            {
                options.GroupNameFormat = "'v'V";
                options.SubstituteApiVersionInUrl = true;
            });
        return services;
    }
}

/// <summary>
/// Completes the §6 version headers on every /api response, including those answered before MVC runs (401, 404):
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
