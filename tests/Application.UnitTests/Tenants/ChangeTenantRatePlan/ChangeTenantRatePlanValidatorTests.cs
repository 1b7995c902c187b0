using FluentValidation.TestHelper;
using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanValidatorTests
{
    private readonly ChangeTenantRatePlanValidator _validator = new();

    [TestCase(RatePlan.Free)]
    [TestCase(RatePlan.Pro)]
    [TestCase(RatePlan.Enterprise)]
    public void Every_rate_plan_passes(RatePlan ratePlan) =>
        _validator.TestValidate(new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), ratePlan)).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Missing_rate_plan_fails() =>
        _validator.TestValidate(new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), null)).ShouldHaveValidationErrorFor(c => c.RatePlan);

    [Test]
    public void Undefined_rate_plan_fails() =>
        _validator.TestValidate(new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), (RatePlan)99)).ShouldHaveValidationErrorFor(c => c.RatePlan);
}
