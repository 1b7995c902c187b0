using QuoinApi.Application.Tenants;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>A tenant as the API shows it (the same in v1 and v2).</summary>
#if (IncludeRatePlans)
public sealed record TenantResponse(Guid Id, string Name, RatePlanName RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TenantResponse From(TenantDto tenant) =>
        new(tenant.Id, tenant.Name, tenant.RatePlan.ToContract(), tenant.CreatedAt, tenant.UpdatedAt);
}
#else
public sealed record TenantResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TenantResponse From(TenantDto tenant) => new(tenant.Id, tenant.Name, tenant.CreatedAt, tenant.UpdatedAt);
}
#endif
