using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>Full-text search over name and description; PostgreSQL tsvector with a GIN index in Infrastructure.</summary>
public interface IProductTextSearch
{
    IQueryable<Product> Matching(IQueryable<Product> products, string text);
}
