using FluentValidation.TestHelper;
using QuoinApi.Application.ModulePlural.CreateModuleName;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.ModulePlural.CreateModuleName;

public sealed class CreateModuleNameValidatorTests
{
    private readonly CreateModuleNameValidator _validator = new();

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_name_is_refused(string name) =>
        _validator.TestValidate(new CreateModuleNameCommand(name)).ShouldHaveValidationErrorFor(c => c.Name);

    [Test]
    public void A_name_over_the_limit_is_refused() =>
        _validator.TestValidate(new CreateModuleNameCommand(new string('x', ModuleNameRules.NameMaxLength + 1))).ShouldHaveValidationErrorFor(c => c.Name);

    [Test]
    public void A_name_at_the_limit_passes() =>
        _validator.TestValidate(new CreateModuleNameCommand(new string('x', ModuleNameRules.NameMaxLength))).ShouldNotHaveAnyValidationErrors();
}
