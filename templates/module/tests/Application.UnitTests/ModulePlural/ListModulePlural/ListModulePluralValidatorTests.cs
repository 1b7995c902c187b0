using FluentValidation;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.ModulePlural.ListModulePlural;
using QuoinApi.Application.UnitTests.Support;

namespace QuoinApi.Application.UnitTests.ModulePlural.ListModulePlural;

public sealed class ListModulePluralValidatorTests : NameAndCreatedAtListValidatorTests<ListModulePluralQuery>
{
    protected override IValidator<ListModulePluralQuery> Validator { get; } = new ListModulePluralValidator();

    protected override ListModulePluralQuery Query(ListRequest list) => new(list);
}
