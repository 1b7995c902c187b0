using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Health;

/// <summary>Ready when PostgreSQL answers within a second and no migration is pending.</summary>
public sealed class PostgresReadinessCheck : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly CachedProbe<HealthCheckResult> _probe;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IServiceScopeFactory _scopes;
    private volatile bool _migrationsUpToDate;

    public PostgresReadinessCheck(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _dataSource = dataSource;
        _scopes = scopes;
        _probe = new CachedProbe<HealthCheckResult>(ProbeAsync, TimeSpan.FromSeconds(1), clock);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _probe.GetAsync().WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await using (var command = _dataSource.CreateCommand("SELECT 1"))
            {
                await command.ExecuteScalarAsync(timeout.Token);
            }

            // Migrations never un-apply, so once up to date this costs nothing more.
            if (!_migrationsUpToDate)
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
                if (await MigrationState.HasPendingAsync(db, timeout.Token))
                {
                    return HealthCheckResult.Unhealthy("Database migrations are pending.");
                }

                _migrationsUpToDate = true;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.");
        }
    }
}
