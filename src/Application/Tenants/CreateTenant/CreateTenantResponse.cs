using QuoinApi.Application.Common.Abstractions;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
#endif

namespace QuoinApi.Application.Tenants.CreateTenant;

/// <summary>The new tenant and its first key, which holds every tenant scope. The key's secret is shown only here.</summary>
public sealed record CreateTenantResponse(
#if (IncludeRatePlans)
    Guid Id, string Name, RatePlan RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey) : IContainsSecret;
#else
    Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey) : IContainsSecret;
#endif
