using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Audit.ListAuditLog;

/// <summary>The caller's tenant chain (sealed entries), newest first, with the shared list envelope.</summary>
public sealed class ListAuditLogHandler(IReadDbContext db, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListAuditLogQuery, ListResult<AuditEntryDto>>
{
    public Task<Result<ListResult<AuditEntryDto>>> Handle(ListAuditLogQuery request, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.Where(e => e.Sequence != null);
        var filter = request.Filter;
        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (filter.ResourceId is { } resourceId)
        {
            entries = entries.Where(e => e.ResourceId == resourceId);
        }

        if (filter.From is { } from)
        {
            entries = entries.Where(e => e.OccurredAt >= from);
        }

        if (filter.To is { } to)
        {
            entries = entries.Where(e => e.OccurredAt < to);
        }

        return pager.PageAsync(entries, ListAuditLogQuery.SortFields, request.List, PageBinding.Of("audit-log", principal.TenantId, filter),
            query => query.ProjectToDto<AuditEntryDto>(mappings), cancellationToken);
    }
}
