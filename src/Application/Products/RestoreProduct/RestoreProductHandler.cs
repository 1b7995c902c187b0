using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.RestoreProduct;

/// <summary>Brings a soft-deleted product back, unless a live product took its sku meanwhile.</summary>
public sealed class RestoreProductHandler(IProductRepository products, IUnitOfWork unitOfWork, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<RestoreProductCommand, ProductDto>
{
    public async Task<Result<ProductDto>> Handle(RestoreProductCommand request, CancellationToken cancellationToken)
    {
        var loaded = await products.LoadForChangeAsync(request, includeDeleted: true, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = loaded.Value;

        // Check the sku before touching the aggregate, so a refused restore leaves it exactly as it was.
        if (product.DeletedAt is not null && await products.SkuInUseAsync(product.Sku, product.Id, cancellationToken))
        {
            return ProductErrors.SkuInUse(product.Sku);
        }

        var restored = product.Restore(clock.GetUtcNow());
        if (!restored.IsSuccess)
        {
            return restored.Error!;
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return product.Adapt<ProductDto>(mappings);
    }
}
