using FluentValidation.TestHelper;
using QuoinApi.Application.ApiKeys.RevokeApiKey;

namespace QuoinApi.Application.UnitTests.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyValidatorTests
{
    private readonly RevokeApiKeyValidator _validator = new();

    [Test]
    public void Id_is_required() => _validator.TestValidate(new RevokeApiKeyCommand(Guid.Empty)).ShouldHaveValidationErrorFor(c => c.Id);

    [Test]
    public void Any_other_id_passes() => _validator.TestValidate(new RevokeApiKeyCommand(Guid.CreateVersion7())).ShouldNotHaveAnyValidationErrors();
}
