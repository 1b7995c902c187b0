using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products;

internal static class ProductErrors
{
    public static readonly Error NotFound = Error.NotFound("product");

    public static readonly Error VersionMismatch = Error.VersionMismatch("product");

    public static readonly Error TenantRequired =
        Error.Forbidden("product.tenant_required", "Products belong to a tenant; use a tenant's credentials.");

    public static Error SkuInUse(string sku) => Error.Conflict("product.sku_in_use", $"A live product with sku '{sku}' already exists.");
}
