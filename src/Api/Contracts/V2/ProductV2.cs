using QuoinApi.Application.Products;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Contracts.V2;

/// <summary>A product as v2 shows it: the same row as v1, with the price in minor units.</summary>
public sealed record ProductV2(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    MoneyV2 Price,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt)
{
    public static ProductV2 From(ProductDto product) => new(
        product.Id, product.Sku, product.Name, product.Description,
        new MoneyV2(Currency.ToMinorUnits(product.Price, product.Currency), product.Currency),
        product.Tags, product.CreatedAt, product.UpdatedAt, product.DeletedAt);

    /// <summary>The v1 decimal price of a v2 amount; null when the currency is unknown (validation reports it).</summary>
    public static decimal? PriceOf(MoneyV2? money) =>
        money is { AmountMinor: { } amount, Currency: { } currency } && Currency.IsKnown(currency)
            ? Currency.FromMinorUnits(amount, currency)
            : money?.AmountMinor;
}
