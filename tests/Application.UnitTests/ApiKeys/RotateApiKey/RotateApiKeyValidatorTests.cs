using FluentValidation.TestHelper;
using QuoinApi.Application.ApiKeys.RotateApiKey;

namespace QuoinApi.Application.UnitTests.ApiKeys.RotateApiKey;

public sealed class RotateApiKeyValidatorTests
{
    private readonly RotateApiKeyValidator _validator = new();

    [TestCase(null)]
    [TestCase(0)]
    [TestCase(86_400)]
    [TestCase(604_800)]
    public void Grace_period_within_a_week_passes(int? seconds) =>
        _validator.TestValidate(new RotateApiKeyCommand(Guid.CreateVersion7(), seconds)).ShouldNotHaveAnyValidationErrors();

    [TestCase(-1)]
    [TestCase(604_801)]
    public void Grace_period_out_of_bounds_fails(int seconds) =>
        _validator.TestValidate(new RotateApiKeyCommand(Guid.CreateVersion7(), seconds)).ShouldHaveValidationErrorFor(c => c.GracePeriodSeconds);
}
