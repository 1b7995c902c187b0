using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.Products.ListProducts;

public sealed record ListProductsQuery(int PageSize = Paging.DefaultPageSize) : IQuery<ListResult<ProductDto>>;
