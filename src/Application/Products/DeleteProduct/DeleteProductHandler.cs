using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.DeleteProduct;

/// <summary>Soft delete: the row stays (restorable, auditable) and frees its sku for a new live product.</summary>
public sealed class DeleteProductHandler(IProductRepository products, TimeProvider clock)
    : ICommandHandler<DeleteProductCommand, Success>
{
    public async Task<Result<Success>> Handle(DeleteProductCommand request, CancellationToken cancellationToken)
    {
        var loaded = await products.LoadForChangeAsync(request, includeDeleted: false, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = loaded.Value;

        product.Delete(clock.GetUtcNow());
        return Success.Value;
    }
}
