using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>
/// The preamble every command on one product shares: load the product, answer not found when the caller's tenant has
/// no such product, and answer a version mismatch when the command names another version. Not found wins, so a
/// precondition never reveals that another tenant's product exists.
/// </summary>
internal static class ProductChangeLoader
{
    /// <param name="products">The current tenant's products.</param>
    /// <param name="command">The product and the precondition.</param>
    /// <param name="includeDeleted">True to find a soft-deleted product too (restore).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<Result<Product>> LoadForChangeAsync(
        this IProductRepository products, IProductChange command, bool includeDeleted, CancellationToken cancellationToken)
    {
        var product = includeDeleted
            ? await products.GetIncludingDeletedAsync(command.Id, cancellationToken)
            : await products.GetAsync(command.Id, cancellationToken);
        if (product is null)
        {
            return ProductErrors.NotFound;
        }

        return (command.Precondition ?? IfMatch.None).Matches(product.Version) ? product : ProductErrors.VersionMismatch;
    }
}
