using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products.CreateProduct;

public sealed class CreateProductHandler(
    IProductRepository products, ExpectedConflicts conflicts, ICurrentPrincipal principal, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, ProductDto>
{
    // Nothing to read: the command only adds, and its commit writes (and checks) it.
    public Task<Result<ProductDto>> Handle(CreateProductCommand request, CancellationToken cancellationToken) => Task.FromResult(Create(request));

    private Result<ProductDto> Create(CreateProductCommand request)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return ProductErrors.TenantRequired;
        }

        var product = Product.Create(tenantId, request.ToDetails(), clock.GetUtcNow());
        products.Add(product);
        conflicts.Expect(ProductConstraints.LiveSku, ProductErrors.SkuInUse(request.Sku));
        return product.Adapt<ProductDto>(mappings);
    }
}
