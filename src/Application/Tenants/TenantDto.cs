using Mapster;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants;

#if (IncludeRatePlans)
public sealed record TenantDto(Guid Id, string Name, RatePlan RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
#else
public sealed record TenantDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
#endif

internal sealed class TenantMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Tenant, TenantDto>();
}
