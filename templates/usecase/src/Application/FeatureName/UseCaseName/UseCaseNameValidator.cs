using FluentValidation;

namespace QuoinApi.Application.FeatureName.UseCaseName;

#if (isCommand)
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameCommand>
#else
public sealed class UseCaseNameValidator : AbstractValidator<UseCaseNameQuery>
#endif
{
    public UseCaseNameValidator() => RuleFor(request => request.Id).NotEmpty();
}
