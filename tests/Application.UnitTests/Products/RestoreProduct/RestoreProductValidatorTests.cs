using FluentValidation.TestHelper;
using QuoinApi.Application.Products.RestoreProduct;

namespace QuoinApi.Application.UnitTests.Products.RestoreProduct;

public sealed class RestoreProductValidatorTests
{
    private readonly RestoreProductValidator _validator = new();

    [Test]
    public void Id_is_required() => _validator.TestValidate(new RestoreProductCommand(Guid.Empty)).ShouldHaveValidationErrorFor(c => c.Id);

    [Test]
    public void Any_other_id_passes() => _validator.TestValidate(new RestoreProductCommand(Guid.CreateVersion7())).ShouldNotHaveAnyValidationErrors();
}
