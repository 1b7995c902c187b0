namespace QuoinApi.Application.Products;

/// <summary>The store's names for the product rules a command can break at commit (see <c>ExpectedConflicts</c>).</summary>
public static class ProductConstraints
{
    /// <summary>A sku is unique among a tenant's live products (a partial unique index).</summary>
    public const string LiveSku = "ix_products_tenant_id_sku";
}
