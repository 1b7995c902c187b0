using FluentValidation;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.ApiKeys.ListApiKeys;

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator() => RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
}
