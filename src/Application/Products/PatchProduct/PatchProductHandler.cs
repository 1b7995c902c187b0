using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>Applies a merge patch to the current product and validates the result by the same rules as PUT.</summary>
public sealed class PatchProductHandler(IProductRepository products, ExpectedConflicts conflicts, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<PatchProductCommand, ProductDto>
{
    private static readonly MergedProductValidator Rules = new();

    public async Task<Result<ProductDto>> Handle(PatchProductCommand request, CancellationToken cancellationToken)
    {
        var loaded = await products.LoadForChangeAsync(request, includeDeleted: false, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = loaded.Value;

        var patch = request.Patch;
        var currency = patch.Currency.Or(product.Currency);
        var merged = new MergedProduct(
            patch.Sku.Or(product.Sku),
            patch.Name.Or(product.Name),
            patch.Description.Or(product.Description),
            MergedPrice(patch, product.Price, product.Currency, currency),
            currency,
            patch.Tags.Or(product.Tags));

        var validation = await Rules.ValidateAsync(merged, cancellationToken);
        if (!validation.IsValid)
        {
            return ValidationErrors.From(validation.Errors);
        }

        product.Replace(merged.ToDetails(), clock.GetUtcNow());
        conflicts.Expect(ProductConstraints.LiveSku, ProductErrors.SkuInUse(merged.Sku));
        return product.Adapt<ProductDto>(mappings);
    }

    private static decimal? MergedPrice(ProductPatch patch, decimal currentPrice, string currentCurrency, string newCurrency)
    {
        if (!patch.PriceInMinorUnits)
        {
            return patch.Price.Or(currentPrice);
        }

        // v2: the amount lives in minor units; an unknown currency is reported by validation, not here.
        var amountMinor = patch.AmountMinor.Or(Currency.ToMinorUnits(currentPrice, currentCurrency));
        return Currency.IsKnown(newCurrency) ? Currency.FromMinorUnits(amountMinor, newCurrency) : currentPrice;
    }

    private sealed record MergedProduct(string Sku, string Name, string? Description, decimal? Price, string Currency, IReadOnlyList<string>? Tags)
        : IProductFields;

    private sealed class MergedProductValidator : ProductFieldsValidator<MergedProduct>;
}
