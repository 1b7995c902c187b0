using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// The "database" the fakes share. Rows a handler adds stay pending until <see cref="FakeUnitOfWork"/> saves, as with
/// EF Core, where an added entity is neither queryable nor persisted before SaveChanges; a failed save commits nothing.
/// </summary>
public sealed class InMemoryStore
{
    private readonly List<IAuditable> _pendingAdds = [];

    public List<Tenant> Tenants { get; } = [];

    public List<ApiKey> ApiKeys { get; } = [];

    public List<Product> Products { get; } = [];

    public List<AuditEntry> AuditEntries { get; } = [];

    public IReadOnlyList<IAuditable> PendingAdds => _pendingAdds;

    public void AddPending(IAuditable entity) => _pendingAdds.Add(entity);

    /// <summary>Puts a row straight into the committed state, as test setup; events raised while building it are dropped.</summary>
    public Tenant Seed(Tenant tenant)
    {
        tenant.ClearDomainEvents();
        Tenants.Add(tenant);
        return tenant;
    }

    /// <inheritdoc cref="Seed(Tenant)"/>
    public ApiKey Seed(ApiKey apiKey)
    {
        apiKey.ClearDomainEvents();
        ApiKeys.Add(apiKey);
        return apiKey;
    }

    /// <inheritdoc cref="Seed(Tenant)"/>
    public Product Seed(Product product)
    {
        product.ClearDomainEvents();
        Products.Add(product);
        return product;
    }

    /// <summary>Commits the pending rows, stamping audit fields the way the persistence interceptor does for added rows.</summary>
    internal void CommitPending(DateTimeOffset now, string actor)
    {
        foreach (var entity in _pendingAdds)
        {
            entity.CreatedAt = now;
            entity.CreatedBy = actor;
            entity.UpdatedAt = now;
            entity.UpdatedBy = actor;
            switch (entity)
            {
                case Tenant tenant:
                    Tenants.Add(tenant);
                    break;
                case ApiKey apiKey:
                    ApiKeys.Add(apiKey);
                    break;
                case Product product:
                    Products.Add(product);
                    break;
                default:
                    throw new InvalidOperationException($"The in-memory store has no table for {entity.GetType().Name}.");
            }
        }

        _pendingAdds.Clear();
    }
}
