using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.ReplaceProduct;

public sealed record ReplaceProductCommand(
    Guid Id, string Sku, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags,
    IfMatch? Precondition = null)
    : ICommand<ProductDto>, IProductFields, IProductChange;
