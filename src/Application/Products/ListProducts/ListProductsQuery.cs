using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.Products.ListProducts;

public sealed record ListProductsQuery(ListRequest List, ProductFilter Filter) : IQuery<ListResult<ProductDto>>, IListQuery
{
    public ListProductsQuery()
        : this(ListRequest.Default, ProductFilter.None)
    {
    }
}

/// <summary>The product filters of §5. Prices are decimal major units in every API version.</summary>
public sealed record ProductFilter(
    string? Sku = null,
    string? Tag = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    string? Q = null,
    bool IncludeDeleted = false)
{
    public static readonly ProductFilter None = new();
}
