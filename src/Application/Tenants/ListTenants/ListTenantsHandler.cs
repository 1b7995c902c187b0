using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed class ListTenantsHandler(IReadDbContext db, KeysetPager pager, TypeAdapterConfig mappings)
    : IQueryHandler<ListTenantsQuery, ListResult<TenantDto>>
{
    public Task<Result<ListResult<TenantDto>>> Handle(ListTenantsQuery request, CancellationToken cancellationToken) =>
        pager.PageAsync(db.Tenants, ListTenantsQuery.SortFields, request.List, PageBinding.Of("tenants", tenantId: null),
            query => query.ProjectToDto<TenantDto>(mappings), cancellationToken);
}
