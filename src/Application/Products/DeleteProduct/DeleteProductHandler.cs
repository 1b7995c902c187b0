using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.DeleteProduct;

/// <summary>Soft delete: the row stays (restorable, auditable) and frees its sku for a new live product.</summary>
public sealed class DeleteProductHandler(IProductRepository products, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<DeleteProductCommand, Success>
{
    public async Task<Result<Success>> Handle(DeleteProductCommand request, CancellationToken cancellationToken)
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

        product.Delete(clock.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Success.Value;
    }
}
