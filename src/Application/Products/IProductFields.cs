using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>The writable fields of a product, shared by create and replace (and, later, patch).</summary>
public interface IProductFields
{
    string Sku { get; }

    string Name { get; }

    string? Description { get; }

    decimal? Price { get; }

    string Currency { get; }

    IReadOnlyList<string>? Tags { get; }
}

internal static class ProductFieldsExtensions
{
    public static ProductDetails ToDetails(this IProductFields fields) =>
        new(fields.Sku, fields.Name.Trim(), fields.Description, fields.Price!.Value, fields.Currency, fields.Tags ?? []);
}
