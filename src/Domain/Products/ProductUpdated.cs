using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

#if (IncludeEvents)
/// <summary>A product's editable state was replaced (PUT or PATCH). Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A product's editable state was replaced (PUT or PATCH). Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ProductUpdated(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
