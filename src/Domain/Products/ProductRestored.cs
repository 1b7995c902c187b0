using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A soft-deleted product was brought back. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductRestored(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
