using FluentValidation;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys;

internal static class ApiKeyRules
{
    public static IRuleBuilderOptions<T, string> ValidKeyName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("'{PropertyName}' must not be empty.")
            .MaximumLength(ApiKey.NameMaxLength)
            .WithoutNul();

    public static IRuleBuilderOptions<T, string> KnownTenantScope<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(scope => scope is not null && Scopes.TenantScopes.Contains(scope, StringComparer.Ordinal))
            .WithMessage(scope => $"Unknown scope. Allowed: {string.Join(", ", Scopes.TenantScopes)}.");
}
