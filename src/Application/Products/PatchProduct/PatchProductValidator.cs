using FluentValidation;

namespace QuoinApi.Application.Products.PatchProduct;

/// <summary>Checks the patch's shape; the merged product is then checked by the same rules as PUT, in the handler.</summary>
public sealed class PatchProductValidator : AbstractValidator<PatchProductCommand>
{
    public PatchProductValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Patch)
            .Must(p => !(p.Price.IsSet && p.AmountMinor.IsSet))
            .OverridePropertyName("price")
            .WithMessage("Patch the price in one unit only.");
    }
}
