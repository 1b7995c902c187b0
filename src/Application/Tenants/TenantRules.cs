using FluentValidation;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants;

internal static class TenantRules
{
    public static IRuleBuilderOptions<T, string> ValidTenantName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("'{PropertyName}' must not be empty.")
            .MaximumLength(Tenant.NameMaxLength)
            .WithoutNul();
#if (IncludeRatePlans)

    public static IRuleBuilderOptions<T, RatePlan> ValidRatePlan<T>(this IRuleBuilder<T, RatePlan> rule) =>
        rule.IsInEnum().WithMessage("'{PropertyName}' must be one of free, pro, enterprise.");
#endif
}
