using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Tenants;

/// <summary>A tenant was soft-deleted; its keys stopped working. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
public sealed record TenantDeleted(Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
