using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Audit;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Auditing;

/// <summary>
/// Records entries in the caller's transaction with no lock and no read: the entry is one more insert, untracked, in the
/// batch the unit of work saves at commit (<see cref="AppendedRows"/>). The <see cref="AuditSealer"/> places it in its
/// chain once it has committed.
/// </summary>
internal sealed class PostgresAuditTrail(
    QuoinDbContext db, AfterCommit afterCommit, AuditSealer sealer, IServiceScopeFactory scopes, TimeProvider clock) : IAuditTrail
{
    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        db.AppendedRows.Add(AuditEntry.Record(record, clock.GetUtcNow()));
        afterCommit.Add(sealer.WakeAfterCommit);
        return Task.CompletedTask;
    }

    public async Task AppendDeniedAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var transactions = scope.ServiceProvider.GetRequiredService<ITransactionManager>();
        await using (var transaction = await transactions.BeginAsync(cancellationToken))
        {
            scope.ServiceProvider.GetRequiredService<QuoinDbContext>().AppendedRows.Add(AuditEntry.Record(record, clock.GetUtcNow()));
            await transaction.CommitAsync(cancellationToken);
        }

        sealer.Wake();
    }
}
