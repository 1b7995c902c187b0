using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator() => this.ValidListRequest(ListApiKeysQuery.SortFields);
}
