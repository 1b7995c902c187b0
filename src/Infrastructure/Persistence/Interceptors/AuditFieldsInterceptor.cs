using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuoinApi.Domain.Common;

namespace QuoinApi.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps created/updated by from the context's current principal, so no handler can forget. The times are the
/// aggregate's own (each operation records them, so a command's result equals what is stored); a time an operation
/// left unset is stamped from the clock, as a net. One instance serves every pooled context, so the caller is read
/// from the context being saved.
/// </summary>
internal sealed class AuditFieldsInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var actor = (context as QuoinDbContext)?.Principal?.ActorId ?? "system";
        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedBy = entry.Entity.UpdatedBy = actor;
                    if (entry.Entity.CreatedAt == default)
                    {
                        entry.Entity.RecordCreated(now);
                    }

                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedBy = actor;
                    if (!entry.Property(e => e.UpdatedAt).IsModified)
                    {
                        entry.Entity.RecordChanged(now);
                    }

                    break;
            }
        }
    }
}
