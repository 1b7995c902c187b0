using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

internal sealed class ProductRepository(QuoinDbContext db) : IProductRepository
{
    public Task<Product?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Product?> GetIncludingDeletedAsync(Guid id, CancellationToken cancellationToken) =>
        db.Products.IgnoreQueryFilters([QueryFilters.SoftDelete]).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public void Add(Product product) => db.Products.Add(product);
}
