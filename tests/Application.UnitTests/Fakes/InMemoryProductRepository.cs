using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Applies the same filters as the real repository: the principal's tenant always, soft delete unless lifted.</summary>
public sealed class InMemoryProductRepository(InMemoryStore store, ICurrentPrincipal principal) : IProductRepository
{
    public Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(OfTenant().FirstOrDefault(p => p.Id == id && p.DeletedAt is null));

    public Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(OfTenant().FirstOrDefault(p => p.Id == id));

    public Task<bool> SkuInUseAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken) =>
        Task.FromResult(OfTenant().Any(p => p.DeletedAt is null && p.Sku == sku && p.Id != exceptProductId));

    public void Add(Product product) => store.AddPending(product);

    private IEnumerable<Product> OfTenant() => store.Products.Where(p => p.TenantId == principal.TenantId);
}
