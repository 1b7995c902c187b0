using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.ReplaceProduct;

public sealed class ReplaceProductHandler(IProductRepository products, IUnitOfWork unitOfWork, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<ReplaceProductCommand, ProductDto>
{
    public async Task<Result<ProductDto>> Handle(ReplaceProductCommand request, CancellationToken cancellationToken)
    {
        var product = await products.GetAsync(request.Id, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        if (!(request.Precondition ?? IfMatch.None).Matches(product.Version))
        {
            return ProductErrors.VersionMismatch;
        }

        if (!string.Equals(product.Sku, request.Sku, StringComparison.Ordinal)
            && await products.SkuInUseAsync(request.Sku, product.Id, cancellationToken))
        {
            return ProductErrors.SkuInUse(request.Sku);
        }

        product.Replace(request.ToDetails(), clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return product.Adapt<ProductDto>(mappings);
    }
}
