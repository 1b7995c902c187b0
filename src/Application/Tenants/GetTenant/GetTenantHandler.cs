using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.GetTenant;

public sealed class GetTenantHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetTenantQuery, TenantDto>
{
    public async Task<Result<TenantDto>> Handle(GetTenantQuery request, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants
            .Where(t => t.Id == request.Id)
            .ProjectToDto<TenantDto>(mappings)
            .FirstOrDefaultAsync(cancellationToken);
        return tenant is null ? Error.NotFound("tenant") : tenant;
    }
}
