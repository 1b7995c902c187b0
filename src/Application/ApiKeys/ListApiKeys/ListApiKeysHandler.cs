using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysHandler(IReadDbContext db, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListApiKeysQuery, ListResult<ApiKeyDto>>
{
    public Task<Result<ListResult<ApiKeyDto>>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        pager.PageAsync(db.ApiKeys, ListApiKeysQuery.SortFields, request.List, PageBinding.Of("api-keys", principal.TenantId),
            query => query.ProjectToDto<ApiKeyDto>(mappings), cancellationToken);
}
