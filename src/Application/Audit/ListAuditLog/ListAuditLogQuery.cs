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

    public static readonly SortableFields<AuditEntry> SortFields = new SortableFields<AuditEntry>(e => e.Id, defaultSort: "-occurredAt")
        .Add("occurredAt", e => e.OccurredAt);
}
