namespace QuoinApi.Api.Controllers.Products;

/// <summary>A product body in version-neutral terms (price in decimal major units).</summary>
public sealed record ProductBody(string Sku, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags);
