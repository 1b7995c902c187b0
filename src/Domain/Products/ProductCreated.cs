using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A product was created. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductCreated(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
