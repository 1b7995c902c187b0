using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural.ListModulePlural;

/// <summary>Keyset pages of the tenant's live items_phrase; the page token is bound to the tenant and the sort.</summary>
public sealed class ListModulePluralHandler(IReadDbContext db, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListModulePluralQuery, ListResult<ModuleNameDto>>
{
    public Task<Result<ListResult<ModuleNameDto>>> Handle(ListModulePluralQuery request, CancellationToken cancellationToken) =>
        pager.PageAsync(db.Query<ModuleName>(), ListModulePluralQuery.SortFields, request.List, PageBinding.Of("module_plural", principal.TenantId),
            query => query.ProjectToDto<ModuleNameDto>(mappings), cancellationToken);
}
