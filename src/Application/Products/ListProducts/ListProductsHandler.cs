using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products.ListProducts;

/// <summary>
/// The product list, the API's hottest list: its page query is compiled once per shape (<see cref="CompiledList{TEntity, TFilter, TDto}"/>).
/// A text search (<c>q</c>) goes through <see cref="IProductTextSearch"/>, which composes an ordinary query.
/// </summary>
public sealed class ListProductsHandler(
    IReadDbContext db, IProductTextSearch textSearch, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListProductsQuery, ListResult<ProductDto>>
{
    private static readonly ListFilter<Product, ProductFilter> BySku = new("sku", (p, f) => p.Sku == f.Sku);
    private static readonly ListFilter<Product, ProductFilter> ByTag = new("tag", (p, f) => p.Tags.Contains(f.Tag!));
    private static readonly ListFilter<Product, ProductFilter> ByMinPrice = new("minPrice", (p, f) => p.Price >= f.MinPrice);
    private static readonly ListFilter<Product, ProductFilter> ByMaxPrice = new("maxPrice", (p, f) => p.Price <= f.MaxPrice);
    private static readonly ListFilter<Product, ProductFilter> ByCreatedAfter = new("createdAfter", (p, f) => p.CreatedAt > f.CreatedAfter);
    private static readonly ListFilter<Product, ProductFilter> ByCreatedBefore = new("createdBefore", (p, f) => p.CreatedAt < f.CreatedBefore);

    private static readonly CompiledList<Product, ProductFilter, ProductDto> Pages = new(ProductSorting.Fields);

    public async Task<Result<ListResult<ProductDto>>> Handle(ListProductsQuery request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        if (filter.IncludeDeleted && !principal.HasScope(Scopes.ProductsWrite))
        {
            return Error.Forbidden("product.include_deleted_forbidden", $"includeDeleted=true needs the {Scopes.ProductsWrite} scope.");
        }

        var shape = new ListShape<Product, ProductFilter>()
            .Lifting(filter.IncludeDeleted, QueryFilterNames.SoftDelete)
            .Where(filter.Sku is not null, BySku)
            .Where(filter.Tag is not null, ByTag)
            .Where(filter.MinPrice is not null, ByMinPrice)
            .Where(filter.MaxPrice is not null, ByMaxPrice)
            .Where(filter.CreatedAfter is not null, ByCreatedAfter)
            .Where(filter.CreatedBefore is not null, ByCreatedBefore);
        var binding = PageBinding.Of("products", principal.TenantId, filter);
        if (string.IsNullOrWhiteSpace(filter.Q))
        {
            return await pager.PageAsync(db, Pages, shape, filter, request.List, binding, mappings, cancellationToken);
        }

        var products = textSearch.Matching(shape.Apply(db.Products, filter), filter.Q);
        return await pager.PageAsync(products, ProductSorting.Fields, request.List, binding,
            query => query.ProjectToDto<ProductDto>(mappings), cancellationToken);
    }
}
