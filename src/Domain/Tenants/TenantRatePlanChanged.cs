using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Tenants;

/// <summary>A tenant moved to another rate plan. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
public sealed record TenantRatePlanChanged(Guid TenantId, RatePlan Previous, RatePlan Current, DateTimeOffset OccurredAt) : IDomainEvent;
