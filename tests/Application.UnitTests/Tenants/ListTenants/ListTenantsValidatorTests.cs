using FluentValidation;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Application.UnitTests.Support;

namespace QuoinApi.Application.UnitTests.Tenants.ListTenants;

public sealed class ListTenantsValidatorTests : NameAndCreatedAtListValidatorTests<ListTenantsQuery>
{
    protected override IValidator<ListTenantsQuery> Validator { get; } = new ListTenantsValidator();

    protected override ListTenantsQuery Query(ListRequest list) => new(list);
}
