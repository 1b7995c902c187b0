using FluentValidation.TestHelper;
using QuoinApi.Application.Products.DeleteProduct;

namespace QuoinApi.Application.UnitTests.Products.DeleteProduct;

public sealed class DeleteProductValidatorTests
{
    private readonly DeleteProductValidator _validator = new();

    [Test]
    public void Id_is_required() => _validator.TestValidate(new DeleteProductCommand(Guid.Empty)).ShouldHaveValidationErrorFor(c => c.Id);

    [Test]
    public void Any_other_id_passes() => _validator.TestValidate(new DeleteProductCommand(Guid.CreateVersion7())).ShouldNotHaveAnyValidationErrors();
}
