using FluentValidation;

namespace QuoinApi.Application.ModulePlural.DeleteModuleName;

public sealed class DeleteModuleNameValidator : AbstractValidator<DeleteModuleNameCommand>
{
    public DeleteModuleNameValidator() => RuleFor(c => c.Id).NotEmpty();
}
