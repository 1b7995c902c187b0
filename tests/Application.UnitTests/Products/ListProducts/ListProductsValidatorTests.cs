using FluentValidation.TestHelper;
using QuoinApi.Application.Products.ListProducts;

namespace QuoinApi.Application.UnitTests.Products.ListProducts;

public sealed class ListProductsValidatorTests
{
    private readonly ListProductsValidator _validator = new();

    [TestCase(1)]
    [TestCase(100)]
    public void Page_size_within_bounds_passes(int pageSize) =>
        _validator.TestValidate(new ListProductsQuery(pageSize)).ShouldNotHaveAnyValidationErrors();

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void Page_size_out_of_bounds_fails(int pageSize) =>
        _validator.TestValidate(new ListProductsQuery(pageSize)).ShouldHaveValidationErrorFor(q => q.PageSize);

    [Test]
    public void Default_page_size_passes() => _validator.TestValidate(new ListProductsQuery()).ShouldNotHaveAnyValidationErrors();
}
