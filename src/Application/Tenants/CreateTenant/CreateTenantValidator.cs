using FluentValidation;

namespace QuoinApi.Application.Tenants.CreateTenant;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenantCommand>
{
    public CreateTenantValidator()
    {
        RuleFor(c => c.Name).ValidTenantName();
#if (IncludeRatePlans)
        RuleFor(c => c.RatePlan).ValidRatePlan();
#endif
    }
}
