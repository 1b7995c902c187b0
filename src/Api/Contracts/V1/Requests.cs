using QuoinApi.Domain.Tenants;

namespace QuoinApi.Api.Contracts.V1;

// Request bodies of v1. Members are nullable so that a missing member reaches validation (400 with `errors`)
// instead of failing to bind; unknown members are rejected by the JSON options.

public sealed record CreateTenantRequest(string? Name, RatePlan? RatePlan);

public sealed record ChangeRatePlanRequest(RatePlan? RatePlan);

public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

public sealed record RotateApiKeyRequest(int? GracePeriodSeconds);

/// <summary>A v1 product body: the price is a decimal in major units.</summary>
public sealed record ProductRequestV1(
    string? Sku, string? Name, string? Description, decimal? Price, string? Currency, IReadOnlyList<string>? Tags);
