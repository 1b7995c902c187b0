using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using QuoinApi.Domain.Common;

namespace QuoinApi.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps created/updated by from the context's current principal, so no handler can forget. The times are the
/// aggregate's own (each operation records them, so a command's result equals what is stored); a time an operation
/// left unset is stamped from the clock, as a net. One instance serves every pooled context, so the caller is read
/// from the context being saved.
/// </summary>
internal sealed class AuditFieldsInterceptor(TimeProvider clock) : SaveHooksInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // The save detects changes again after this (and picks up the stamps), so detect here only when there can be a
        // change to find: a context that only added entities (a create) has none, and skips one scan of all of them.
        var tracker = context.ChangeTracker;
        using var pause = new ChangeDetectionPause(tracker);
        if (pause.WasEnabled && tracker.Entries().Any(e => e.State is EntityState.Unchanged or EntityState.Modified))
        {
            tracker.DetectChanges();
        }

        Stamp(tracker, (context as QuoinDbContext)?.Principal?.ActorId ?? "system");
    }

    private void Stamp(ChangeTracker tracker, string actor)
    {
        var now = clock.GetUtcNow();
        foreach (var entry in tracker.Entries<IAuditable>())
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
