using FluentValidation;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed class ListTenantsValidator : AbstractValidator<ListTenantsQuery>
{
    public ListTenantsValidator() => RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
}
