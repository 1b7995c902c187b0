using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products.CreateProduct;

public sealed class CreateProductHandler(
    IProductRepository products, IUnitOfWork unitOfWork, ICurrentPrincipal principal, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, ProductDto>
{
    public async Task<Result<ProductDto>> Handle(CreateProductCommand request, CancellationToken cancellationToken)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return ProductErrors.TenantRequired;
        }

        if (await products.SkuInUseAsync(request.Sku, exceptProductId: null, cancellationToken))
        {
            return ProductErrors.SkuInUse(request.Sku);
        }

        var product = Product.Create(tenantId, request.ToDetails(), clock.GetUtcNow());
        products.Add(product);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return product.Adapt<ProductDto>(mappings);
    }
}
