using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.RestoreProduct;

public sealed record RestoreProductCommand(Guid Id, IfMatch? Precondition = null) : ICommand<ProductDto>, IProductChange;
