using FluentValidation;

namespace QuoinApi.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(c => c.Name).ValidKeyName();
        RuleFor(c => c.Scopes).NotNull().NotEmpty().WithMessage("'scopes' must name at least one scope.");
        RuleForEach(c => c.Scopes).KnownTenantScope();
        RuleFor(c => c.ExpiresAt)
            .Must(expiresAt => expiresAt is null || expiresAt > clock.GetUtcNow())
            .WithMessage("'expiresAt' must be in the future.");
    }
}
