using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly.CircuitBreaker;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Infrastructure.Events;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>
/// Attempts due webhook deliveries (ADR 0041). A claim takes the oldest pending delivery of each subscription and
/// leases it, so deliveries of one subscription go out one at a time, in event order, and each due delivery is
/// attempted by one instance at a time; different subscriptions proceed in parallel, so a slow or dead receiver only
/// delays its own. 2xx succeeds; anything else, a timeout or a refused connection is retried on the configured
/// schedule; a 410 disables the subscription; after the last attempt the delivery is dead until replayed.
/// </summary>
public sealed partial class WebhookDeliveryWorker(
    NpgsqlDataSource dataSource,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<WebhookDeliveryWorker> logger)
    : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> deliveries use (guarded connections, no redirects, resilience).</summary>
    public const string HttpClientName = "webhooks";

    private static readonly Counter<long> Attempts = QuoinTelemetry.Meter.CreateCounter<long>(
        "quoinapi.webhooks.attempts", "{attempt}", "Webhook delivery attempts, by outcome.");

    private static readonly Histogram<double> AttemptDuration = QuoinTelemetry.Meter.CreateHistogram(
        "quoinapi.webhooks.attempt_duration", "s", "How long webhook receivers took to answer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private const string ClaimSql = """
        WITH heads AS (
            SELECT DISTINCT ON (d.subscription_id) d.id, d.next_attempt_at, d.locked_until
            FROM webhook_deliveries d
            JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.deleted_at IS NULL AND s.enabled
            WHERE d.status = 'pending'
            ORDER BY d.subscription_id, d.event_position, d.created_at
        ), ready AS (
            SELECT id FROM heads
            WHERE next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < clock_timestamp())
            ORDER BY next_attempt_at
            LIMIT $2
        )
        UPDATE webhook_deliveries d SET locked_until = clock_timestamp() + $3
        FROM ready r, events e, webhook_subscriptions s
        WHERE d.id = r.id AND e.id = d.event_id AND s.id = d.subscription_id
          AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
        RETURNING d.id, d.subscription_id, d.attempts, e.id, e.type, e.occurred_at, e.tenant_id, e.data::text,
                  s.url, s.secret, s.previous_secret, s.previous_secret_expires_at
        """;

    private const string RecordSql = """
        UPDATE webhook_deliveries
        SET status = $2, attempts = attempts + 1, last_attempt_at = $3, response_status_code = $4, duration_ms = $5,
            last_error = $6, next_attempt_at = $7, locked_until = NULL
        WHERE id = $1
        """;

    private const string DisableSql = """
        UPDATE webhook_subscriptions SET enabled = false, disabled_reason = 'gone', updated_at = $2, updated_by = 'system'
        WHERE id = $1
        """;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _inFlight;

    /// <summary>Asks for a claim soon (events were published).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    /// <summary>Claims the due deliveries and attempts them all; returns how many were attempted. For tests and tools.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(options.Value.MaxConcurrentDeliveries, cancellationToken);
        await Task.WhenAll(claimed.Select(d => AttemptAsync(d, cancellationToken)));
        return claimed.Count;
    }

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

        var inFlight = new List<Task>();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            try
            {
                var free = options.Value.MaxConcurrentDeliveries - Volatile.Read(ref _inFlight);
                if (free > 0)
                {
                    foreach (var delivery in await ClaimAsync(free, stoppingToken))
                    {
                        Interlocked.Increment(ref _inFlight);
                        inFlight.Add(RunAsync(delivery, stoppingToken));
                    }
                }

                failures = 0;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogClaimFailed(logger, exception.GetType().Name, exception.Message);
            }

            try
            {
                await _wake.WaitAsync(failures > 0 ? TimeSpan.FromSeconds(Math.Min(30, failures * 2)) : options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // Stopped claiming; let attempts in flight finish (their leases free them anyway if the host kills us first).
        await Task.WhenAll(inFlight);
    }

    private async Task RunAsync(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            await AttemptAsync(delivery, stoppingToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);

            // A subscription's next delivery may be due now that this one is done.
            Wake();
        }
    }

    private async Task<List<ClaimedDelivery>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = options.Value.LeaseDuration });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedDelivery(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetInt32(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetGuid(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return claimed;
    }

    private async Task AttemptAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = Envelope(delivery);
        var timestamp = now.ToUnixTimeSeconds();
        var webhookId = delivery.EventId.ToString();
        var secrets = delivery.PreviousSecret is { } previous && delivery.PreviousSecretExpiresAt > now ? [delivery.Secret, previous] : new[] { delivery.Secret };

        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(webhookId, timestamp, body, secrets));
        request.Headers.UserAgent.ParseAdd("QuoinApi-Webhooks/1.0");

        int? status = null;
        string? error = null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            status = (int)response.StatusCode;
            await DrainAsync(response, options.Value.MaxResponseBytes, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-attempt: the lease expires and another pass (here or elsewhere) tries again.
            return;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutException
            or BrokenCircuitException or IOException or Polly.Timeout.TimeoutRejectedException)
        {
            error = Describe(exception);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        AttemptDuration.Record(elapsed.TotalSeconds);
        await RecordAsync(delivery, status, error, elapsed, CancellationToken.None);
    }

    private async Task RecordAsync(ClaimedDelivery delivery, int? status, string? error, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempt = delivery.Attempts + 1;
        var schedule = options.Value.RetrySchedule;
        string outcome;
        DateTimeOffset? next = null;
        if (status is >= 200 and < 300)
        {
            outcome = "succeeded";
        }
        else if (status == (int)HttpStatusCode.Gone || attempt > schedule.Length)
        {
            outcome = "dead";
            error ??= status == (int)HttpStatusCode.Gone ? "The receiver answered 410 Gone; the subscription was disabled." : $"The receiver answered {status}.";
        }
        else
        {
            outcome = "pending";
            error ??= $"The receiver answered {status}.";
            var jitter = 1 + ((Random.Shared.NextDouble() * 2) - 1) * options.Value.RetryJitter;
            next = now + (schedule[attempt - 1] * jitter);
        }

        Attempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        await using var batch = dataSource.CreateBatch();
        var record = new NpgsqlBatchCommand(RecordSql);
        record.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = delivery.Id });
        record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = outcome });
        record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        record.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)Math.Min(int.MaxValue, elapsed.TotalMilliseconds) });
        record.Parameters.Add(new NpgsqlParameter { Value = (object?)Truncate(error) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        record.Parameters.Add(new NpgsqlParameter { Value = (object?)next ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        batch.BatchCommands.Add(record);
        if (status == (int)HttpStatusCode.Gone)
        {
            var disable = new NpgsqlBatchCommand(DisableSql);
            disable.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = delivery.SubscriptionId });
            disable.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            batch.BatchCommands.Add(disable);
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException exception)
        {
            // The attempt happened but its outcome is not recorded: the lease expires and the delivery is attempted
            // again (at least once, never lost).
            LogRecordFailed(logger, delivery.Id, exception.Message);
        }
    }

    /// <summary>The Standard Webhooks body: <c>{id, type, occurredAt, tenantId, data}</c>.</summary>
    private static string Envelope(ClaimedDelivery delivery) =>
        EventEnvelope.Write(delivery.EventId, delivery.EventType, delivery.OccurredAt, delivery.TenantId, delivery.Data);

    /// <summary>Reads at most <paramref name="limit"/> bytes of the response, so a receiver cannot make the worker buffer much.</summary>
    private static async Task DrainAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var chunk = new byte[Math.Min(8192, Math.Max(1, limit))];
        var total = 0;
        int read;
        while (total < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, limit - total)), cancellationToken)) > 0)
        {
            total += read;
        }
    }

    private static string Describe(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookTargetRefusedException refused)
            {
                return refused.Message;
            }
        }

        return exception switch
        {
            BrokenCircuitException => "The receiver's host failed repeatedly; calls to it are paused (circuit open).",
            Polly.Timeout.TimeoutRejectedException or OperationCanceledException or TimeoutException => "The receiver did not answer in time.",
            _ => "The receiver could not be reached.",
        };
    }

    private static string? Truncate(string? text) => text is { Length: > 200 } ? text[..200] : text;

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record ClaimedDelivery(
        Guid Id, Guid SubscriptionId, int Attempts, Guid EventId, string EventType, DateTimeOffset OccurredAt, Guid TenantId, string Data,
        string Url, string Secret, string? PreviousSecret, DateTimeOffset? PreviousSecretExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming webhook deliveries failed ({Error}: {Reason}); retrying.")]
    private static partial void LogClaimFailed(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outcome of webhook delivery {DeliveryId} could not be recorded ({Reason}); it will be attempted again.")]
    private static partial void LogRecordFailed(ILogger logger, Guid deliveryId, string reason);
}
