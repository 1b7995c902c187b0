using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Infrastructure.Security;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// At start-up: applies migrations when configured, then makes sure the bootstrap administrator key exists, then opens
/// <see cref="DatabaseReadiness"/> for background work. When the database is unreachable, or its migrations are pending
/// and are not applied here, it keeps retrying in the background and readiness stays failed meanwhile; start-up never
/// hangs.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> databaseOptions,
    IOptions<ApiKeyAuthenticationOptions> keyOptions,
    DatabaseReadiness readiness,
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
            await MigrationState.MigrateAsync(db, cancellationToken);
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
            var migrate = databaseOptions.Value.MigrateOnStartup;
            if (!migrate && await MigrationState.HasPendingAsync(db, cancellationToken))
            {
                LogMigrationsPending(logger);
                return false;
            }

            await InitializeAsync(db, migrate, keyOptions.Value.BootstrapSecret, cancellationToken);
            readiness.MarkReady();
            return true;
        }
        catch (Exception exception) when (IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
        {
            // An expected condition (the database is down or still starting): one line, no stack trace.
            LogUnavailable(logger, exception.GetType().Name, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Database initialisation failed; retrying in the background. Readiness fails until it succeeds.");
            return false;
        }
    }

    private static bool IsUnavailable(Exception exception) =>
        exception is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException
        || exception is Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException };

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Database migrations are pending and Database:MigrateOnStartup is false: run the migrate command. Background work waits and readiness fails until then.")]
    private static partial void LogMigrationsPending(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable ({Kind}: {Reason}); retrying in the background. Readiness fails until it succeeds.")]
    private static partial void LogUnavailable(ILogger logger, string kind, string reason);
}
