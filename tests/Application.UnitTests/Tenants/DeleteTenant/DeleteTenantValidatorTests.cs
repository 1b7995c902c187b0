using FluentValidation.TestHelper;
using QuoinApi.Application.Tenants.DeleteTenant;

namespace QuoinApi.Application.UnitTests.Tenants.DeleteTenant;

public sealed class DeleteTenantValidatorTests
{
    private readonly DeleteTenantValidator _validator = new();

    [Test]
    public void Id_is_required() => _validator.TestValidate(new DeleteTenantCommand(Guid.Empty)).ShouldHaveValidationErrorFor(c => c.Id);

    [Test]
    public void Any_other_id_passes() => _validator.TestValidate(new DeleteTenantCommand(Guid.CreateVersion7())).ShouldNotHaveAnyValidationErrors();
}
