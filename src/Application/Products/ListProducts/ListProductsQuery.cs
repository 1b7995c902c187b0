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
