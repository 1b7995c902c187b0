using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.Products;

/// <summary>The sample business aggregate: a tenant's catalogue item.</summary>
public sealed class Product : Entity, ITenantOwned, ISoftDeletable, IAuditable
{
    // For EF Core materialisation.
    private Product()
    {
        Sku = Name = Currency = string.Empty;
        Tags = [];
    }

    private Product(Guid tenantId, ProductDetails details)
    {
        TenantId = tenantId;
        Sku = details.Sku;
        Name = details.Name;
        Description = details.Description;
        Price = TwoDecimals(details.Price);
        Currency = details.Currency;
        Tags = [.. details.Tags];
    }

    public Guid TenantId { get; private set; }

    Guid? ITenantOwned.TenantId => TenantId;

    public string Sku { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Major units with at most two decimals (v1); v2 exposes it in minor units.</summary>
    public decimal Price { get; private set; }

    public string Currency { get; private set; }

    public string[] Tags { get; private set; }

    /// <summary>
    /// 1 when created, one more with every change: the optimistic concurrency token (the store refuses a write whose
    /// version moved since the read) and the ETag a caller names to change the product only as it last read it. The
    /// aggregate counts it, not the store, so a command knows its result before anything is written.
    /// </summary>
    public uint Version { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public static Product Create(Guid tenantId, ProductDetails details, DateTimeOffset now)
    {
        var product = new Product(tenantId, details) { Version = 1 };
        product.RecordCreated(now);
        product.Raise(new ProductCreated(product.Id, tenantId, now));
        return product;
    }

    /// <summary>Full replacement of the editable state (PUT semantics).</summary>
    public void Replace(ProductDetails details, DateTimeOffset now)
    {
        if (Holds(details))
        {
            // Nothing changes, so neither does the version: the caller's ETag stays valid and no event is raised.
            return;
        }

        Sku = details.Sku;
        Name = details.Name;
        Description = details.Description;
        Price = TwoDecimals(details.Price);
        Currency = details.Currency;
        Tags = [.. details.Tags];
        Changed(now);
        Raise(new ProductUpdated(Id, TenantId, now));
    }

    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is not null)
        {
            return;
        }

        DeletedAt = now;
        Changed(now);
        Raise(new ProductDeleted(Id, TenantId, now));
    }

    private bool Holds(ProductDetails details) =>
        Sku == details.Sku && Name == details.Name && Description == details.Description && Price == TwoDecimals(details.Price)
        && Currency == details.Currency && Tags.SequenceEqual(details.Tags);

    private void Changed(DateTimeOffset now)
    {
        Version++;
        this.RecordChanged(now);
    }

    /// <summary>The stored scale (numeric(12,2)), so a product reads the same before and after a round trip: 13.5 → 13.50.</summary>
    private static decimal TwoDecimals(decimal price) => decimal.Round(price, ProductRules.MaxPriceDecimals) + 0.00m;

    public Result<Success> Restore(DateTimeOffset now)
    {
        if (DeletedAt is null)
        {
            return Error.Conflict("product.not_deleted", "The product is not deleted.");
        }

        DeletedAt = null;
        Changed(now);
        Raise(new ProductRestored(Id, TenantId, now));
        return Success.Value;
    }
}
