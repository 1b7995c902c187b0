using FluentValidation;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.UnitTests.Support;

namespace QuoinApi.Application.UnitTests.ApiKeys.ListApiKeys;

public sealed class ListApiKeysValidatorTests : NameAndCreatedAtListValidatorTests<ListApiKeysQuery>
{
    protected override IValidator<ListApiKeysQuery> Validator { get; } = new ListApiKeysValidator();

    protected override ListApiKeysQuery Query(ListRequest list) => new(list);
}
