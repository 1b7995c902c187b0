using System.Text.Json.Serialization;
using Mapster;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>A product as read. <see cref="Version"/> travels in the ETag header, not the body.</summary>
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
    [JsonIgnore]
    public uint Version { get; init; }
}

internal sealed class ProductMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<Product, ProductDto>().Map(d => d.Version, s => s.Version);
}
