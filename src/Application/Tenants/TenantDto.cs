using Mapster;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants;

public sealed record TenantDto(Guid Id, string Name, RatePlan RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

internal sealed class TenantMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Tenant, TenantDto>();
}
