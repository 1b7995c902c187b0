using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using QuoinApi.Application.Events;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Events;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.Persistence.Interceptors;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Turns the domain events of tracked aggregates into outbox rows just before a save, so they are inserted in the
/// same batch as the change that raised them, in its transaction (untracked, as <see cref="AppendedRows"/>). Each event
/// is taken once: the aggregate's list is cleared as it is read, so a command that saves twice writes each event once, and the events raised after a
/// handler's own save leave with the save at commit. Registered after <c>AuditFieldsInterceptor</c>, so the data
/// carries the stamped timestamps. After the commit of a transaction that wrote events, it wakes the relay on this
/// instance (never before: a rolled-back transaction publishes nothing).
/// </summary>
internal sealed class DomainEventOutboxInterceptor(OutboxSignal signal) : SaveHooksInterceptor, IDbTransactionInterceptor
{
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    private void Committed(DbContext? context)
    {
        if (context is QuoinDbContext { OutboxWritten: true } db)
        {
            db.OutboxWritten = false;
            signal.Raise();
        }
    }

    private static void RolledBack(DbContext? context)
    {
        if (context is QuoinDbContext db)
        {
            db.OutboxWritten = false;
        }
    }

    /// <summary>A save with no transaction of the caller's committed on its own (EF Core's own transaction).</summary>
    protected override void AfterSave(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }

    /// <summary>Turns the tracked aggregates' domain events into outbox rows appended to this save.</summary>
    protected override void BeforeSave(DbContext? context)
    {
        if (context is not QuoinDbContext db)
        {
            return;
        }

        // What this reads needs no change detection: the events are in the aggregates' lists.
        var tracker = db.ChangeTracker;
        using var pause = new ChangeDetectionPause(tracker);
        foreach (var tracked in tracker.Entries<Entity>())
        {
            var source = tracked.Entity;
            if (source.DomainEvents.Count == 0)
            {
                continue;
            }

            foreach (var domainEvent in source.DomainEvents)
            {
                if (PublicEvents.Describe(source, domainEvent) is { } described)
                {
                    db.AppendedRows.Add(EventLogEntry.Record(described.TenantId, described.Type, described.OccurredAt,
                        JsonSerializer.Serialize(described.Data, described.Data.GetType(), EventJson.Options)));
                }
            }

            source.ClearDomainEvents();
        }

        // Rows enqueued by the handler (IEventOutbox) or just now, written by this save (appended or tracked, ADR 0017).
        foreach (var row in db.AppendedRows.Pending)
        {
            if (row is EventLogEntry)
            {
                db.OutboxWritten = true;
                break;
            }
        }
    }
}
