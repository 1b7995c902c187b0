using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed record ListTenantsQuery(ListRequest List) : IQuery<ListResult<TenantDto>>, IListQuery
{
    public ListTenantsQuery()
        : this(ListRequest.Default)
    {
    }

    public static readonly SortableFields<Tenant> SortFields = new SortableFields<Tenant>(t => t.Id, defaultSort: "-createdAt")
        .Add("name", t => t.Name)
        .Add("createdAt", t => t.CreatedAt);
}
