using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>A product's editable state was replaced (PUT or PATCH). Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ProductUpdated(Guid ProductId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
