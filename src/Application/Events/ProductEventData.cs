using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Events;

/// <summary>A product in an event's <c>data</c>: its v2 representation, as it stands after the change.</summary>
public sealed record ProductEventData(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    EventMoney Price,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DeletedAt)
{
    public static ProductEventData From(Product product) => new(
        product.Id, product.Sku, product.Name, product.Description,
        new EventMoney(Currency.ToMinorUnits(product.Price, product.Currency), product.Currency),
        product.Tags, product.CreatedAt, product.UpdatedAt, product.DeletedAt);
}
