using FluentValidation;

namespace QuoinApi.Application.Tenants.DeleteTenant;

public sealed class DeleteTenantValidator : AbstractValidator<DeleteTenantCommand>
{
    public DeleteTenantValidator() => RuleFor(c => c.Id).NotEmpty();
}
