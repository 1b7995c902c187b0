using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.Webhooks;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Holds one connection that <c>LISTEN</c>s on the instances' channels and wakes what each notification concerns:
/// the relay (another instance's relay found the lock busy), the live streams (events were published) and the delivery
/// worker (webhook deliveries were created). After every (re)connection it wakes them all, since notifications sent
/// while it was away are lost; their polling covers the gap meanwhile.
/// </summary>
internal sealed partial class PostgresNotificationListener(
    NpgsqlDataSource dataSource,
    DatabaseReadiness readiness,
    OutboxRelay relay,
    WebhookDeliveryWorker deliveries,
    EventStreamHub streams,
    ILogger<PostgresNotificationListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                failures++;
                LogListenFailed(logger, exception.GetType().Name, exception.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, failures * 2))), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, notification) => Dispatch(notification.Channel);
        try
        {
            // Quoted: a generated solution's channels carry its kebab-case name (acme-orders_outbox), no bare identifier.
            await using (var listen = new NpgsqlCommand($"LISTEN \"{NotificationChannels.Outbox}\"; LISTEN \"{NotificationChannels.Events}\"; LISTEN \"{NotificationChannels.Deliveries}\"",
                connection))
            {
                await listen.ExecuteNonQueryAsync(stoppingToken);
            }

            relay.Wake();
            deliveries.Wake();
            streams.Published();
            while (!stoppingToken.IsCancellationRequested)
            {
                if (!await connection.WaitAsync(KeepAlive, stoppingToken))
                {
                    // Quiet for a while: make sure the connection is alive (a dead one would wait forever).
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
        }
        finally
        {
            // Pooled connections keep session state (no reset on return): a connection must not go back still listening.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private void Dispatch(string channel)
    {
        if (channel == NotificationChannels.Outbox)
        {
            relay.Wake();
        }
        else if (channel == NotificationChannels.Events)
        {
            streams.Published();
        }
        else if (channel == NotificationChannels.Deliveries)
        {
            deliveries.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for notifications failed ({Error}: {Reason}); reconnecting. Workers poll meanwhile.")]
    private static partial void LogListenFailed(ILogger logger, string error, string reason);
}
