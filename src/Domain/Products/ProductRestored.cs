using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

#if (IncludeEvents)
/// <summary>A soft-deleted product was brought back. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A soft-deleted product was brought back. Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ProductRestored(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
