using Mapster;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>A product as read, version-neutral; each API version has its own representation of it.</summary>
public sealed record ProductDto(
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
    /// <summary>The row version: the ETag.</summary>
    public uint Version { get; init; }
}

internal sealed class ProductMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Product, ProductDto>().Map(d => d.Version, s => s.Version);
}
