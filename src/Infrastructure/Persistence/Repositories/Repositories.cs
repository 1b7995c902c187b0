using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Products;
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

internal sealed class TenantRepository(QuoinDbContext db) : ITenantRepository
{
    public Task<Tenant?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);
}

internal sealed class ApiKeyRepository(QuoinDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public async Task<IReadOnlyList<byte[]>> ListSecretHashesOfTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.ApiKeys
            .IgnoreQueryFilters([QueryFilters.Tenant])
            .Where(k => k.TenantId == tenantId)
            .Select(k => k.SecretHash)
            .ToListAsync(cancellationToken);

    public void Add(ApiKey apiKey) => db.ApiKeys.Add(apiKey);
}

internal sealed class ProductRepository(QuoinDbContext db) : IProductRepository
{
    public Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.IgnoreQueryFilters([QueryFilters.SoftDelete]).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<bool> SkuInUseAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken) =>
        db.Products.AnyAsync(p => p.Sku == sku && p.Id != exceptProductId, cancellationToken);

    public void Add(Product product) => db.Products.Add(product);
}
