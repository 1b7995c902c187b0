using FluentValidation.TestHelper;
using QuoinApi.Application.ModulePlural.ReplaceModuleName;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.ModulePlural.ReplaceModuleName;

public sealed class ReplaceModuleNameValidatorTests
{
    private readonly ReplaceModuleNameValidator _validator = new();

    [Test]
    public void An_id_is_required() =>
        _validator.TestValidate(new ReplaceModuleNameCommand(Guid.Empty, "First")).ShouldHaveValidationErrorFor(c => c.Id);

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_name_is_refused(string name) =>
        _validator.TestValidate(new ReplaceModuleNameCommand(Guid.CreateVersion7(), name)).ShouldHaveValidationErrorFor(c => c.Name);

    [Test]
    public void A_name_over_the_limit_is_refused() =>
        _validator.TestValidate(new ReplaceModuleNameCommand(Guid.CreateVersion7(), new string('x', ModuleNameRules.NameMaxLength + 1)))
            .ShouldHaveValidationErrorFor(c => c.Name);

    [Test]
    public void An_id_and_a_name_pass() =>
        _validator.TestValidate(new ReplaceModuleNameCommand(Guid.CreateVersion7(), "First")).ShouldNotHaveAnyValidationErrors();
}
