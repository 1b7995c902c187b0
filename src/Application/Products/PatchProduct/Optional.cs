namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>A member that may be absent from a patch (distinct from present-and-null).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
#pragma warning disable CA2225 // the conversion is the point: `Sku = "X"` in patches and tests
    public static implicit operator Optional<T>(T value) => new(true, value);
#pragma warning restore CA2225

    public T Or(T fallback) => IsSet ? Value : fallback;
}
