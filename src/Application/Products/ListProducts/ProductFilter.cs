namespace QuoinApi.Application.Products.ListProducts;

/// <summary>The product filters of §5. Prices are decimal major units in every API version.</summary>
public sealed record ProductFilter(
    string? Sku = null,
    string? Tag = null,
    decimal? MinPrice = null,
    decimal? MaxPrice = null,
    DateTimeOffset? CreatedAfter = null,
    DateTimeOffset? CreatedBefore = null,
    string? Q = null,
    bool IncludeDeleted = false)
{
    public static readonly ProductFilter None = new();
}
