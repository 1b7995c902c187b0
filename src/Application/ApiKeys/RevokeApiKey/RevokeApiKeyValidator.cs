using FluentValidation;

namespace QuoinApi.Application.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator() => RuleFor(c => c.Id).NotEmpty();
}
