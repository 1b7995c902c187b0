using QuoinApi.Application.Products;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>A product as v1 shows it: the price as a decimal in major units beside the currency.</summary>
public sealed record ProductV1(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    decimal Price,
    string Currency,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt)
{
    public static ProductV1 From(ProductDto product) => new(
        product.Id, product.Sku, product.Name, product.Description, product.Price, product.Currency, product.Tags,
        product.CreatedAt, product.UpdatedAt, product.DeletedAt);
}
