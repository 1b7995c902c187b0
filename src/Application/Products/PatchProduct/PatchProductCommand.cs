using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>A JSON merge patch (RFC 7396) of a product, already read from the version's representation.</summary>
public sealed record PatchProductCommand(Guid Id, ProductPatch Patch, IfMatch? Precondition = null) : ICommand<ProductDto>, IProductChange;
