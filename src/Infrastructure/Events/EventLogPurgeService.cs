using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Deletes published events older than the retention (<c>Events:Retention</c>, 7 days by default), with their
/// deliveries. Unpublished rows are never deleted, however old.
/// </summary>
public sealed class EventLogPurgeService(
    IServiceScopeFactory scopes, IOptions<EventsOptions> options, DatabaseReadiness readiness, TimeProvider clock, ILogger<EventLogPurgeService> logger)
    : BatchedPurgeService(scopes, readiness, clock, schedule: TimeProvider.System, logger)
{
    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override string Purged => "events past the event log's retention";

    protected override Task<int> DeleteBatchAsync(QuoinDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.Retention;
        return db.Database.ExecuteSqlAsync(
            $"DELETE FROM events WHERE id IN (SELECT id FROM events WHERE published_at < {cutoff} ORDER BY published_at LIMIT {BatchSize})",
            cancellationToken);
    }
}
