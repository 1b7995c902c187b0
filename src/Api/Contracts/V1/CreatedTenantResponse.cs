using QuoinApi.Application.Tenants.CreateTenant;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>A new tenant and its first key, which holds every tenant scope; the key's secret is shown only here.</summary>
#if (IncludeRatePlans)
public sealed record CreatedTenantResponse(
    Guid Id, string Name, RatePlanName RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey)
{
    public static CreatedTenantResponse From(CreateTenantResponse created) =>
        new(created.Id, created.Name, created.RatePlan.ToContract(), created.CreatedAt, created.UpdatedAt, created.OwnerApiKey);
}
#else
public sealed record CreatedTenantResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey)
{
    public static CreatedTenantResponse From(CreateTenantResponse created) =>
        new(created.Id, created.Name, created.CreatedAt, created.UpdatedAt, created.OwnerApiKey);
}
#endif
