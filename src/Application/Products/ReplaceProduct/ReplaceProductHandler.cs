using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.ReplaceProduct;

public sealed class ReplaceProductHandler(IProductRepository products, ExpectedConflicts conflicts, TypeAdapterConfig mappings, TimeProvider clock)
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

        product.Replace(request.ToDetails(), clock.GetUtcNow());
        conflicts.Expect(ProductConstraints.LiveSku, ProductErrors.SkuInUse(request.Sku));
        return product.Adapt<ProductDto>(mappings);
    }
}
