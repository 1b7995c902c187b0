using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.RestoreProduct;

public sealed record RestoreProductCommand(Guid Id) : ICommand<ProductDto>;
