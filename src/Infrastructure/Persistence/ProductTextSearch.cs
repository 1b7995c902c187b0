using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// <c>q</c> over name and description: a stored, generated <c>tsvector</c> column with a GIN index, queried with
/// <c>websearch_to_tsquery</c> (quotes, OR and -exclusion work as users expect from a search box).
/// </summary>
internal sealed class ProductTextSearch : IProductTextSearch
{
    public const string Configuration = "english";
    public const string SearchVector = "SearchVector";

    public IQueryable<Product> Matching(IQueryable<Product> products, string text) =>
        products.Where(p => EF.Property<NpgsqlTsVector>(p, SearchVector).Matches(EF.Functions.WebSearchToTsQuery(Configuration, text)));
}
