using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Tenants;

/// <summary>A tenant was created. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
#if (IncludeRatePlans)
public sealed record TenantCreated(Guid TenantId, RatePlan RatePlan, DateTimeOffset OccurredAt) : IDomainEvent;
#else
public sealed record TenantCreated(Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
#endif
