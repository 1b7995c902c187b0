using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.ReplaceProduct;

public sealed class ReplaceProductHandler(IProductRepository products, IUnitOfWork unitOfWork, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<ReplaceProductCommand, ProductDto>
{
    public async Task<Result<ProductDto>> Handle(ReplaceProductCommand request, CancellationToken cancellationToken)
    {
        var loaded = await products.LoadForChangeAsync(request, includeDeleted: false, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = loaded.Value;

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
