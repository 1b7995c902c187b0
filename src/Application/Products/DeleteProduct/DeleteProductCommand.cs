using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.DeleteProduct;

public sealed record DeleteProductCommand(Guid Id, IfMatch? Precondition = null) : ICommand<Success>, IProductChange;
