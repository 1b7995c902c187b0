using FluentValidation;

namespace QuoinApi.Application.ModulePlural.ReplaceModuleName;

public sealed class ReplaceModuleNameValidator : AbstractValidator<ReplaceModuleNameCommand>
{
    public ReplaceModuleNameValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Name).ValidModuleNameName();
    }
}
