using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Audit;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Auditing;

/// <summary>
/// Appends to a tenant's hash chain. A transaction-scoped advisory lock per chain serialises appenders, so sequences
/// stay gap-free and each entry links to the true previous one; the lock is held only until the command commits.
/// </summary>
internal sealed class PostgresAuditTrail(QuoinDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : IAuditTrail
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var chain = "audit:" + (record.TenantId?.ToString("N") ?? "platform");
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({chain}, 0))", cancellationToken);

        var last = await db.Set<AuditEntry>()
            .IgnoreQueryFilters()
            .Where(e => e.TenantId == record.TenantId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        db.Set<AuditEntry>().Add(AuditEntry.Append(record, (last?.Sequence ?? 0) + 1, last?.Hash ?? [], clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AppendDeniedAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var trail = (PostgresAuditTrail)scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var transactions = scope.ServiceProvider.GetRequiredService<ITransactionManager>();
        await using var transaction = await transactions.BeginAsync(cancellationToken);
        await trail.AppendAsync(record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
