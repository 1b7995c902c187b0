using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

public interface IProductRepository
{
    /// <summary>A live product of the current tenant.</summary>
    Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A product of the current tenant, live or soft-deleted (restore needs both).</summary>
    Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>True when another live product of the current tenant holds the sku.</summary>
    Task<bool> SkuInUseAsync(string sku, Guid? exceptProductId, CancellationToken cancellationToken);

    void Add(Product product);
}
