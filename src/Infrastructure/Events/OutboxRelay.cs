using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Publishes outbox rows in commit order, each once, whatever the number of instances (ADR 0040): one statement per
/// batch gives the committed rows their event-log positions, creates a delivery for every matching webhook
/// subscription and notifies every instance (the live streams of the publication, the delivery workers only when there
/// are deliveries), and it commits with them. Killed before that commit, the relay leaves the
/// rows unpublished and the next pass (here or on another instance) publishes them.
/// </summary>
public sealed class OutboxRelay(
    [FromKeyedServices(DataSourceKeys.Workers)] IDbContextFactory<QuoinDbContext> contexts,
    IOptions<EventsOptions> options,
    OutboxSignal signal,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<OutboxRelay> logger)
    : CommitOrderedWorker(readiness, logger)
{
    private static readonly Counter<long> Published = QuoinTelemetry.Meter.CreateCounter<long>(
        "quoinapi.events.published", "{event}", "Events published from the outbox to the event log.");

    private static readonly Histogram<double> PublishLag = QuoinTelemetry.Meter.CreateHistogram(
        "quoinapi.events.publish_lag", "s", "Time from an event's occurrence to its publication.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    // Positions continue from the log's head: the relay lock makes this relay the only writer of positions. Deliveries
    // go to live subscriptions of the event's tenant that are enabled and ask for the type, or to the one a ping targets.
    private const string PublishSql = $"""
        WITH due AS (
            SELECT id, tx_id FROM events
            WHERE position IS NULL AND {CommittedHorizon}
            ORDER BY tx_id, id
            LIMIT $1
        ), numbered AS (
            SELECT due.id, head.position + row_number() OVER (ORDER BY due.tx_id, due.id) AS position
            FROM due, (SELECT coalesce(max(position), 0) AS position FROM events) head
        ), published AS (
            UPDATE events e SET position = n.position, published_at = $2
            FROM numbered n WHERE e.id = n.id
            RETURNING e.id, e.tenant_id, e.type, e.position, e.occurred_at, e.target_subscription_id
        ), deliveries AS (
            INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, event_position, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), p.tenant_id, s.id, p.id, p.type, p.position, 'pending', 0, $2, $2
            FROM published p
            JOIN webhook_subscriptions s ON s.tenant_id = p.tenant_id AND s.deleted_at IS NULL
            WHERE CASE WHEN p.target_subscription_id IS NULL THEN s.enabled AND p.type = ANY (s.events)
                       ELSE s.id = p.target_subscription_id END
            RETURNING 1
        ), head AS (
            SELECT max(position) AS position FROM published
        )
        SELECT (SELECT count(*) FROM published),
               (SELECT count(*) FROM deliveries),
               (SELECT min(occurred_at) FROM published),
               (SELECT count(*) FROM (SELECT pg_notify('{NotificationChannels.Events}', head.position::text) FROM head WHERE head.position IS NOT NULL) notified),
               (SELECT count(*) FROM (SELECT pg_notify('{NotificationChannels.Deliveries}', '') WHERE EXISTS (SELECT FROM deliveries)) woken)
        """;

    protected override string LockName => "quoinapi:outbox-relay";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        signal.Committed += Wake;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        signal.Committed -= Wake;
        return base.StopAsync(cancellationToken);
    }

    protected override int BatchSize => options.Value.RelayBatchSize;

    protected override TimeSpan PollInterval => options.Value.RelayInterval;

    protected override TimeSpan Debounce => options.Value.RelayDebounce;

    /// <summary>Publishes everything committed so far; returns how many events.</summary>
    public Task<int> PublishCommittedAsync(CancellationToken cancellationToken) => ProcessCommittedAsync(cancellationToken);

    protected override async Task<QuoinDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        await contexts.CreateDbContextAsync(cancellationToken);

    protected override async Task<int> ProcessBatchAsync(QuoinDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(PublishSql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = BatchSize });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var published = (int)reader.GetInt64(0);
        if (published > 0)
        {
            Published.Add(published);
            PublishLag.Record(Math.Max(0, (clock.GetUtcNow() - reader.GetFieldValue<DateTimeOffset>(2)).TotalSeconds));
        }

        return published;
    }

    /// <summary>The instance holding the lock may have read before this instance's commit: it listens, so ask it for another pass.</summary>
    protected override async Task OnLockBusyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({NotificationChannels.Outbox}, '')", cancellationToken);
    }
}
