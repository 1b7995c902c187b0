using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A product was created. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductCreated(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
