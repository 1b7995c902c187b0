using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.GetProduct;

public sealed record GetProductQuery(Guid Id) : IQuery<ProductDto>;
