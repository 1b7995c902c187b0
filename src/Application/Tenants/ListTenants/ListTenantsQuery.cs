using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed record ListTenantsQuery(int PageSize = Paging.DefaultPageSize) : IQuery<ListResult<TenantDto>>;
