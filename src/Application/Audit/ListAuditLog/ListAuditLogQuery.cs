using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.Audit.ListAuditLog;

public sealed record ListAuditLogQuery(ListRequest List, AuditLogFilter Filter) : IQuery<ListResult<AuditEntryDto>>, IListQuery
{
    public ListAuditLogQuery()
        : this(ListRequest.Default, new AuditLogFilter())
    {
    }

    // Newest first means last sealed first: the chain's order is commit order, which concurrent writers' clocks may not show.
    public static readonly SortableFields<AuditEntry> SortFields = new SortableFields<AuditEntry>(e => e.Id, defaultSort: "-sequence")
        .Add("sequence", e => e.Sequence!.Value)
        .Add("occurredAt", e => e.OccurredAt);
}
