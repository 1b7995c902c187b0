using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuoinApi.Infrastructure.Health;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// /health/live: the process runs (no dependencies). /health/ready: PostgreSQL reachable and migrated, not shutting
/// down; Redis trouble reports Degraded with 200 (docs/http-contract.md#8-operations).
/// </summary>
internal static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddQuoinHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ShutdownReadinessCheck>("shutdown", tags: [Ready])
            .AddCheck<PostgresReadinessCheck>("postgres", tags: [Ready])
            .AddCheck<RedisHealthCheck>("redis", failureStatus: HealthStatus.Degraded, tags: [Ready]);
        return services;
    }

    public static WebApplication MapQuoinHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString().ToLowerInvariant(), description = entry.Value.Description }),
        });
    }
}
