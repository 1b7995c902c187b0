using FluentValidation.TestHelper;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Products.PatchProduct;

namespace QuoinApi.Application.UnitTests.Products.PatchProduct;

/// <summary>The patch's shape only; the merged product's rules are the handler's (see PatchProductHandlerTests).</summary>
public sealed class PatchProductValidatorTests
{
    private readonly PatchProductValidator _validator = new();

    private TestValidationResult<PatchProductCommand> Validate(ProductPatch patch, Guid? id = null) =>
        _validator.TestValidate(new PatchProductCommand(id ?? Guid.CreateVersion7(), patch, IfMatch.Wildcard));

    [Test]
    public void Empty_patch_passes() => Validate(new ProductPatch()).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Id_is_required() => Validate(new ProductPatch(), Guid.Empty).ShouldHaveValidationErrorFor(c => c.Id).Only();

    [Test]
    public void Price_alone_passes() => Validate(new ProductPatch { Price = 12.50m }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Amount_minor_alone_passes() =>
        Validate(new ProductPatch { AmountMinor = 1250, PriceInMinorUnits = true }).ShouldNotHaveAnyValidationErrors();

    [TestCase(false)]
    [TestCase(true)]
    public void Price_and_amount_minor_together_is_an_error_on_price(bool priceInMinorUnits) =>
        Validate(new ProductPatch { Price = 12.50m, AmountMinor = 1250, PriceInMinorUnits = priceInMinorUnits })
            .ShouldHaveValidationErrorFor("price")
            .WithErrorMessage("Patch the price in one unit only.")
            .Only();

    [Test]
    public void Members_left_to_the_merged_product_rules_are_not_checked_here() =>
        Validate(new ProductPatch { Sku = "not a sku", Name = "", Currency = "XXX", Price = -1m, Tags = new[] { "" } })
            .ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Precondition_is_not_validated()
    {
        _validator.TestValidate(new PatchProductCommand(Guid.CreateVersion7(), new ProductPatch(), null)).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(new PatchProductCommand(Guid.CreateVersion7(), new ProductPatch(), new IfMatch(true, false, [])))
            .ShouldNotHaveAnyValidationErrors();
    }
}
