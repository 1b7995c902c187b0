using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

#if (IncludeEvents)
/// <summary>A product was created. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A product was created. Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ProductCreated(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
