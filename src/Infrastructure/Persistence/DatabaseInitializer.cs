using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// At start-up: applies migrations when configured, then makes sure the bootstrap administrator key exists. When the
/// database is unreachable it keeps retrying in the background and readiness stays failed meanwhile; start-up never hangs.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<ApiKeyAuthenticationOptions> keyOptions,
    ILogger<DatabaseInitializer> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retryLoop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryInitializeAsync(cancellationToken))
        {
            return;
        }

        _retryLoop = Task.Run(() => RetryAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop twice (StopApplication, then disposal): the second call finds nothing left to do.
        if (_retryLoop is null || _retryLoop.IsCompleted)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_retryLoop is not null)
        {
            await _retryLoop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Applies migrations (when asked to) and seeds the bootstrap key. Also used by the <c>migrate</c> command.</summary>
    public static async Task InitializeAsync(QuoinDbContext db, bool migrate, string? bootstrapSecret, CancellationToken cancellationToken)
    {
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (bootstrapSecret is null)
        {
            return;
        }

        var hash = ApiKeySecret.HashOf(bootstrapSecret);
        var exists = await db.ApiKeys.IgnoreQueryFilters([QueryFilters.Tenant]).AnyAsync(k => k.SecretHash == hash, cancellationToken);
        if (!exists)
        {
            db.ApiKeys.Add(ApiKey.Bootstrap(bootstrapSecret));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task RetryAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryInitializeAsync(stoppingToken))
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
        }
    }

    private async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
            await InitializeAsync(db, databaseOptions.Value.MigrateOnStartup, keyOptions.Value.BootstrapSecret, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Database initialisation failed; retrying in the background. Readiness fails until it succeeds.");
            return false;
        }
    }
}
