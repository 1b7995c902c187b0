using System.Text.Json;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Events;
using QuoinApi.Domain.Events;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Events;

/// <summary>
/// Adds the event to the command's unit of work: it is inserted, untracked, with the command's next save (at the latest
/// the one at commit), in the same batch, so the outbox costs no round trip of its own (<see cref="AppendedRows"/>).
/// </summary>
internal sealed class EventOutbox(QuoinDbContext db) : IEventOutbox
{
    public Guid Enqueue<TData>(Guid tenantId, string type, TData data, DateTimeOffset occurredAt, Guid? targetSubscriptionId = null)
    {
        var entry = EventLogEntry.Record(tenantId, type, occurredAt, JsonSerializer.Serialize(data, EventJson.Options), targetSubscriptionId);
        db.AppendedRows.Add(entry);
        return entry.Id;
    }
}
