namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// CORS is off unless <c>Cors:AllowedOrigins</c> lists origins (docs/http-contract.md#security). Credentials (cookies) are never allowed: the API
/// authenticates with headers, so there is no wildcard-with-credentials footgun to fall into.
/// </summary>
internal static class CorsSetup
{
    public const string PolicyName = "configured-origins";

    public static IServiceCollection AddQuoinCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        if (origins.Length == 0)
        {
            return services;
        }

        services.AddCors(options => options.AddPolicy(PolicyName, policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(origins);
            }

            policy.WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Authorization", "Content-Type", "X-Api-Key", "If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id", "traceparent")
#if (IncludeRatePlans)
                .WithExposedHeaders("ETag", "Location", "Link", "Retry-After", "RateLimit", "RateLimit-Policy", "Idempotent-Replayed",
                    "X-Request-Id", "Deprecation", "Sunset", "api-supported-versions", "api-deprecated-versions")
#else
                .WithExposedHeaders("ETag", "Location", "Link", "Retry-After", "Idempotent-Replayed",
                    "X-Request-Id", "Deprecation", "Sunset", "api-supported-versions", "api-deprecated-versions")
#endif
                .DisallowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }

    public static WebApplication UseQuoinCors(this WebApplication app)
    {
        if (app.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() is { Length: > 0 })
        {
            app.UseCors(PolicyName);
        }

        return app;
    }
}
