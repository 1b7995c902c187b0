using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Events;
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif

namespace QuoinApi.Application.Events;

/// <summary>
/// Which domain events are public, and what they say (docs/http-contract.md, "Event types"). The data is read from the
/// aggregate that raised the event, as it is when the change is saved. Events of platform keys (no tenant) and tenant
/// lifecycle events stay internal.
/// </summary>
public static class PublicEvents
{
    public static PublicEvent? Describe(Entity source, IDomainEvent domainEvent) => (source, domainEvent) switch
    {
#if (IncludeProducts)
        (Product product, ProductCreated e) => new(e.TenantId, EventTypes.ProductCreated, ProductEventData.From(product), e.OccurredAt),
        (Product product, ProductUpdated e) => new(e.TenantId, EventTypes.ProductUpdated, ProductEventData.From(product), e.OccurredAt),
        (Product product, ProductDeleted e) => new(e.TenantId, EventTypes.ProductDeleted, ProductEventData.From(product), e.OccurredAt),
        (Product product, ProductRestored e) => new(e.TenantId, EventTypes.ProductRestored, ProductEventData.From(product), e.OccurredAt),
#endif
        (ApiKey key, ApiKeyCreated { TenantId: { } tenant } e) => new(tenant, EventTypes.ApiKeyCreated, ApiKeyEventData.From(key), e.OccurredAt),
        (ApiKey key, ApiKeyRotated { TenantId: { } tenant } e) => new(tenant, EventTypes.ApiKeyRotated, ApiKeyEventData.From(key), e.OccurredAt),
        (ApiKey key, ApiKeyRevoked { TenantId: { } tenant } e) => new(tenant, EventTypes.ApiKeyRevoked, ApiKeyEventData.From(key), e.OccurredAt),
        _ => null,
    };
}
