using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.RestoreProduct;

/// <summary>Brings a soft-deleted product back, unless a live product took its sku meanwhile (the store's unique index tells, at commit).</summary>
public sealed class RestoreProductHandler(IProductRepository products, ExpectedConflicts conflicts, TypeAdapterConfig mappings, TimeProvider clock)
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

        var restored = product.Restore(clock.GetUtcNow());
        if (!restored.IsSuccess)
        {
            return restored.Error!;
        }

        conflicts.Expect(ProductConstraints.LiveSku, ProductErrors.SkuInUse(product.Sku));
        return product.Adapt<ProductDto>(mappings);
    }
}
