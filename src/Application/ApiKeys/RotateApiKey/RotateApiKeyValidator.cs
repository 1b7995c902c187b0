using FluentValidation;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys.RotateApiKey;

public sealed class RotateApiKeyValidator : AbstractValidator<RotateApiKeyCommand>
{
    public RotateApiKeyValidator() =>
        RuleFor(c => c.GracePeriodSeconds).InclusiveBetween(0, (int)ApiKey.MaxRotationGrace.TotalSeconds);
}
