namespace QuoinApi.Domain.Products;

/// <summary>The product invariants, shared by the validators and the database schema (its check constraints).</summary>
public static class ProductRules
{
    public const int SkuMaxLength = 64;
    // \z, not $: in .NET "$" also matches before a trailing newline, which would let "SKU-1\n" through.
    public const string SkuPattern = @"^[A-Z0-9_-]+\z";
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const decimal MinPrice = 0m;
    public const decimal MaxPrice = 1_000_000_000m;
    public const int MaxPriceDecimals = 2;
    public const int MaxTags = 20;
    public const int TagMaxLength = 32;
}
