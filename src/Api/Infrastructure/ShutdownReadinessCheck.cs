using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QuoinApi.Api.Infrastructure;

/// <summary>Readiness fails the moment shutdown begins (SIGTERM), so load balancers stop sending new requests while
/// the requests in flight drain.</summary>
internal sealed class ShutdownReadinessCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy());
}
