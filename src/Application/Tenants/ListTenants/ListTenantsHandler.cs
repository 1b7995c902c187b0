using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed class ListTenantsHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<ListTenantsQuery, ListResult<TenantDto>>
{
    public async Task<Result<ListResult<TenantDto>>> Handle(ListTenantsQuery request, CancellationToken cancellationToken)
    {
        var items = await db.Tenants
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(request.PageSize)
            .ProjectToType<TenantDto>(mappings)
            .ToListAsync(cancellationToken);
        return new ListResult<TenantDto>(items);
    }
}
