using Microsoft.AspNetCore.Mvc;
using QuoinApi.Application.Products.ListProducts;

namespace QuoinApi.Api.Http;

/// <summary>The product filters (docs/http-contract.md#5-lists), the same in every API version (prices in decimal major units).</summary>
public sealed class ProductFilterParameters
{
    [FromQuery(Name = "sku")]
    public string? Sku { get; init; }

    [FromQuery(Name = "tag")]
    public string? Tag { get; init; }

    [FromQuery(Name = "minPrice")]
    public decimal? MinPrice { get; init; }

    [FromQuery(Name = "maxPrice")]
    public decimal? MaxPrice { get; init; }

    [FromQuery(Name = "createdAfter")]
    public DateTimeOffset? CreatedAfter { get; init; }

    [FromQuery(Name = "createdBefore")]
    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Full-text search over name and description.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Also list soft-deleted products (needs products:write).</summary>
    [FromQuery(Name = "includeDeleted")]
    public bool IncludeDeleted { get; init; }

    public ProductFilter ToFilter() =>
        new(Sku, Tag, MinPrice, MaxPrice, CreatedAfter?.ToUniversalTime(), CreatedBefore?.ToUniversalTime(), Q, IncludeDeleted);
}
