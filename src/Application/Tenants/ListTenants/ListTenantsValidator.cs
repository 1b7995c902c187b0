using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.Tenants.ListTenants;

public sealed class ListTenantsValidator : AbstractValidator<ListTenantsQuery>
{
    public ListTenantsValidator() => this.ValidListRequest(ListTenantsQuery.SortFields);
}
