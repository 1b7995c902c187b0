using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A product was soft-deleted. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductDeleted(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
