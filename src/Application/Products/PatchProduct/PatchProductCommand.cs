using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>A JSON merge patch (RFC 7396) of a product, already read from the version's representation.</summary>
public sealed record PatchProductCommand(Guid Id, ProductPatch Patch, IfMatch? Precondition = null) : ICommand<ProductDto>;

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

/// <summary>A member that may be absent from a patch (distinct from present-and-null).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
#pragma warning disable CA2225 // the conversion is the point: `Sku = "X"` in patches and tests
    public static implicit operator Optional<T>(T value) => new(true, value);
#pragma warning restore CA2225

    public T Or(T fallback) => IsSet ? Value : fallback;
}
