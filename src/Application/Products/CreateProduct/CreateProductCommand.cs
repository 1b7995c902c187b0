using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.CreateProduct;

public sealed record CreateProductCommand(
    string Sku, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags)
    : ICommand<ProductDto>, IProductFields;
