using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

#if (IncludeEvents)
/// <summary>A product was soft-deleted. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A product was soft-deleted. Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ProductDeleted(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
