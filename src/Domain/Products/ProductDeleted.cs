using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A product was soft-deleted. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductDeleted(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
