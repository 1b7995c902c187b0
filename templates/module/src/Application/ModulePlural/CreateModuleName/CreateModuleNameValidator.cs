using FluentValidation;

namespace QuoinApi.Application.ModulePlural.CreateModuleName;

public sealed class CreateModuleNameValidator : AbstractValidator<CreateModuleNameCommand>
{
    public CreateModuleNameValidator() => RuleFor(c => c.Name).ValidModuleNameName();
}
