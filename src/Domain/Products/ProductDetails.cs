namespace QuoinApi.Domain.Products;

/// <summary>The editable state of a product, already validated against <see cref="ProductRules"/>.</summary>
public sealed record ProductDetails(string Sku, string Name, string? Description, decimal Price, string Currency, IReadOnlyList<string> Tags);
