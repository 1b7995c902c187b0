namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>
/// The members a merge patch set. Unset members keep their value. v1 patches <see cref="Price"/> in major units; v2
/// patches <see cref="AmountMinor"/> in the currency's minor units (a currency change alone keeps the minor amount).
/// </summary>
public sealed record ProductPatch
{
    public Optional<string> Sku { get; init; }

    public Optional<string> Name { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<decimal> Price { get; init; }

    public Optional<long> AmountMinor { get; init; }

    public Optional<string> Currency { get; init; }

    public Optional<IReadOnlyList<string>> Tags { get; init; }

    /// <summary>True for v2 patches: the price is expressed in minor units.</summary>
    public bool PriceInMinorUnits { get; init; }
}
