using Microsoft.EntityFrameworkCore;

namespace QuoinApi.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Decides, just before a save, whether the context's <see cref="AppendedRows"/> ride its batch untracked (ADR 0017),
/// and checks afterwards that they were written. Registered after every interceptor that appends rows (the outbox's),
/// so it sees them all, and after <see cref="AuditFieldsInterceptor"/>, whose change detection makes the entries' states
/// the ones the save will use.
/// </summary>
internal sealed class AppendedRowsInterceptor : SaveHooksInterceptor
{
    /// <summary>
    /// Tracked entities plus appended rows above which the rows are tracked instead: far below a batch's limits (1,000
    /// commands, 65,535 parameters), so the save's last batch always has room for them.
    /// </summary>
    internal const int MaxRowsForAppending = 100;

    /// <summary>Decides whether the pending rows ride the save's batch or become tracked inserts.</summary>
    protected override void BeforeSave(DbContext? context)
    {
        if (context is not QuoinDbContext { AppendedRows: { Pending.Count: > 0 } rows } db)
        {
            return;
        }

        rows.InBatch = false;
        var tracked = 0;
        var changed = false;
        using (new ChangeDetectionPause(db.ChangeTracker))
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                tracked++;
                changed |= entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
            }
        }

        // A save with no change of its own writes no batch to append to (an audited command that changed nothing, a denied
        // attempt); a very large one could fill its last batch. Either way the rows become ordinary tracked inserts.
        if (!changed || tracked + rows.Pending.Count > MaxRowsForAppending)
        {
            db.AddRange(rows.Pending);
            rows.Clear();
        }
    }

    /// <summary>Checks that a batch carried the pending rows, and drops them.</summary>
    protected override void AfterSave(DbContext? context)
    {
        if (context is not QuoinDbContext { AppendedRows: { Pending.Count: > 0 } rows })
        {
            return;
        }

        // Unreachable while every tracked change becomes a command; if one ever did not, the save wrote nothing at all, and
        // failing it is better than losing an audit entry or an event.
        if (!rows.InBatch)
        {
            throw new InvalidOperationException(
                $"The save wrote no batch, so its {rows.Pending.Count} appended rows (audit entries, events) were not written.");
        }

        rows.Clear();
    }
}
