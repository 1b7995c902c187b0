using FluentValidation.TestHelper;
using QuoinApi.Application.Tenants.CreateTenant;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
#endif

namespace QuoinApi.Application.UnitTests.Tenants.CreateTenant;

public sealed class CreateTenantValidatorTests
{
    private readonly CreateTenantValidator _validator = new();

    [TestCase(1)]
    [TestCase(200)]
    public void Name_of_allowed_length_passes(int length) =>
        _validator.TestValidate(new CreateTenantCommand(new string('n', length))).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Name_of_201_characters_fails() =>
        _validator.TestValidate(new CreateTenantCommand(new string('n', 201))).ShouldHaveValidationErrorFor(c => c.Name);

    [TestCase("")]
    [TestCase("   ")]
    public void Blank_name_fails(string name) =>
        _validator.TestValidate(new CreateTenantCommand(name)).ShouldHaveValidationErrorFor(c => c.Name);

#if (IncludeRatePlans)
    [TestCase(RatePlan.Free)]
    [TestCase(RatePlan.Pro)]
    [TestCase(RatePlan.Enterprise)]
    public void Every_rate_plan_passes(RatePlan ratePlan) =>
        _validator.TestValidate(new CreateTenantCommand("Acme", ratePlan)).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Undefined_rate_plan_fails() =>
        _validator.TestValidate(new CreateTenantCommand("Acme", (RatePlan)99))
            .ShouldHaveValidationErrorFor(c => c.RatePlan)
            // The member's display name comes from a global resolver the API installs, so only the rest is checked.
            .When(failure => failure.ErrorMessage.EndsWith("must be one of free, pro, enterprise.", StringComparison.Ordinal));
#endif
}
