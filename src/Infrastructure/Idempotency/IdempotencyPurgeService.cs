using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>Deletes expired idempotency keys (<c>Idempotency:PurgeInterval</c>).</summary>
public sealed class IdempotencyPurgeService(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, DatabaseReadiness readiness, TimeProvider clock, ILogger<IdempotencyPurgeService> logger)
    : BatchedPurgeService(scopes, readiness, clock, schedule: clock, logger)
{
    protected override TimeSpan Interval => options.Value.PurgeInterval;

    protected override string Purged => "expired idempotency keys";

    protected override Task<int> DeleteBatchAsync(QuoinDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= {now} LIMIT {BatchSize})",
            cancellationToken);
}
