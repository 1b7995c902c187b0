using QuoinApi.Application.Common.Time;

namespace QuoinApi.Application.Products.ListProducts;

/// <summary>
/// The product filters (docs/http-contract.md#5-lists). Prices are decimal major units in every API version; the
/// creation bounds are exclusive and kept in UTC at the stored precision (<see cref="StoredTime"/>).
/// </summary>
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

    public DateTimeOffset? CreatedAfter { get; init; } = StoredTime.ExclusiveLowerBound(CreatedAfter);

    public DateTimeOffset? CreatedBefore { get; init; } = StoredTime.ExclusiveUpperBound(CreatedBefore);
}
