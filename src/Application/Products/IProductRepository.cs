using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

public interface IProductRepository
{
    /// <summary>A live product of the current tenant.</summary>
    Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A product of the current tenant, live or soft-deleted (restore needs both).</summary>
    Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Tracks a new product; the command's commit writes it (a taken sku is refused there, see <see cref="ProductConstraints"/>).</summary>
    void Add(Product product);
}
