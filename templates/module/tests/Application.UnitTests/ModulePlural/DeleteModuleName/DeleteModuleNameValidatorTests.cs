using FluentValidation.TestHelper;
using QuoinApi.Application.ModulePlural.DeleteModuleName;

namespace QuoinApi.Application.UnitTests.ModulePlural.DeleteModuleName;

public sealed class DeleteModuleNameValidatorTests
{
    private readonly DeleteModuleNameValidator _validator = new();

    [Test]
    public void An_id_is_required() => _validator.TestValidate(new DeleteModuleNameCommand(Guid.Empty)).ShouldHaveValidationErrorFor(c => c.Id);

    [Test]
    public void Any_other_id_passes() => _validator.TestValidate(new DeleteModuleNameCommand(Guid.CreateVersion7())).ShouldNotHaveAnyValidationErrors();
}
