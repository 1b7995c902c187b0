using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.CreateTenant;

public sealed record CreateTenantCommand(string Name, RatePlan RatePlan = RatePlan.Free) : ICommand<CreateTenantResponse>;

/// <summary>The new tenant and its first key, which holds every tenant scope. The key's secret is shown only here.</summary>
public sealed record CreateTenantResponse(
    Guid Id, string Name, RatePlan RatePlan, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, OwnerApiKeyDto OwnerApiKey) : IContainsSecret;

public sealed record OwnerApiKeyDto(Guid Id, string Key, IReadOnlyList<string> Scopes);
