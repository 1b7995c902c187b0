using FluentValidation;

namespace QuoinApi.Application.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanValidator : AbstractValidator<ChangeTenantRatePlanCommand>
{
    public ChangeTenantRatePlanValidator() => RuleFor(c => c.RatePlan).NotNull().IsInEnum();
}
