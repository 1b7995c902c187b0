using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.CreateTenant;

/// <summary>The new tenant and its first key, which holds every tenant scope. The key's secret is shown only here.</summary>
public sealed record CreateTenantResponse(
    Guid Id, string Name, RatePlan RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey) : IContainsSecret;
