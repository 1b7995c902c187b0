using FluentValidation;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products;

/// <summary>The product rules (docs/http-contract.md#products), in one place for every command that writes a product.</summary>
public abstract class ProductFieldsValidator<T> : AbstractValidator<T>
    where T : IProductFields
{
    protected ProductFieldsValidator()
    {
        RuleFor(p => p.Sku)
            .NotEmpty()
            .MaximumLength(ProductRules.SkuMaxLength)
            .Matches(ProductRules.SkuPattern).WithMessage("'sku' may contain only A-Z, 0-9, '-' and '_'.");
        RuleFor(p => p.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("'name' must not be empty.")
            .MaximumLength(ProductRules.NameMaxLength);
        RuleFor(p => p.Name).WithoutNul();
        RuleFor(p => p.Description).MaximumLength(ProductRules.DescriptionMaxLength).WithoutNul();
        // Stop at the first failure: the later rules read the value, which a missing price does not have.
        RuleFor(p => p.Price)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .InclusiveBetween(ProductRules.MinPrice, ProductRules.MaxPrice)
            .PrecisionScale(13, ProductRules.MaxPriceDecimals, ignoreTrailingZeros: true)
            .WithMessage("'price' must have at most 2 decimal places.")
            .Must((fields, price) => !Currency.IsKnown(fields.Currency) || Scale(price!.Value) <= Currency.MinorUnits(fields.Currency))
            .WithMessage(fields => $"'price' has more decimal places than {fields.Currency} allows.");
        RuleFor(p => p.Currency)
            .NotEmpty()
            .Must(Currency.IsKnown).WithMessage("'currency' must be an ISO 4217 code such as EUR or USD.");
        RuleFor(p => p.Tags)
            .Must(tags => tags is null || tags.Count <= ProductRules.MaxTags)
            .WithMessage($"'tags' may hold at most {ProductRules.MaxTags} tags.");
        RuleForEach(p => p.Tags)
            .NotEmpty()
            .MaximumLength(ProductRules.TagMaxLength)
            .WithoutNul();
    }

    private static int Scale(decimal value) => (decimal.GetBits(value / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF;
}
