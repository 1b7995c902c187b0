namespace QuoinApi.Application.UnitTests.Products;

/// <summary>The field values of a product write, independent of which command carries them.</summary>
public sealed record ProductFieldValues(string Sku, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags)
{
    public static readonly ProductFieldValues Valid = new("SKU-1", "Widget", "A widget", 12.50m, "EUR", ["tools"]);
}
