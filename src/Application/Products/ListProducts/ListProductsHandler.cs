using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.ListProducts;

public sealed class ListProductsHandler(
    IReadDbContext db, IProductTextSearch textSearch, KeysetPager pager, ICurrentPrincipal principal, TypeAdapterConfig mappings)
    : IQueryHandler<ListProductsQuery, ListResult<ProductDto>>
{
    public async Task<Result<ListResult<ProductDto>>> Handle(ListProductsQuery request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        if (filter.IncludeDeleted && !principal.HasScope(Scopes.ProductsWrite))
        {
            return Error.Forbidden("product.include_deleted_forbidden", $"includeDeleted=true needs the {Scopes.ProductsWrite} scope.");
        }

        var products = filter.IncludeDeleted ? db.Products.IgnoreQueryFilters([QueryFilterNames.SoftDelete]) : db.Products;
        if (filter.Sku is { } sku)
        {
            products = products.Where(p => p.Sku == sku);
        }

        if (filter.Tag is { } tag)
        {
            products = products.Where(p => p.Tags.Contains(tag));
        }

        if (filter.MinPrice is { } minPrice)
        {
            products = products.Where(p => p.Price >= minPrice);
        }

        if (filter.MaxPrice is { } maxPrice)
        {
            products = products.Where(p => p.Price <= maxPrice);
        }

        if (filter.CreatedAfter is { } createdAfter)
        {
            products = products.Where(p => p.CreatedAt > createdAfter);
        }

        if (filter.CreatedBefore is { } createdBefore)
        {
            products = products.Where(p => p.CreatedAt < createdBefore);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            products = textSearch.Matching(products, filter.Q);
        }

        var binding = PageBinding.Of("products", principal.TenantId, filter);
        return await pager.PageAsync(products, ProductSorting.Fields, request.List, binding,
            query => query.ProjectToDto<ProductDto>(mappings), cancellationToken);
    }
}
