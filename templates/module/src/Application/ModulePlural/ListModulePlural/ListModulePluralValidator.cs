using FluentValidation;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Application.ModulePlural.ListModulePlural;

public sealed class ListModulePluralValidator : AbstractValidator<ListModulePluralQuery>
{
    public ListModulePluralValidator() => this.ValidListRequest(ListModulePluralQuery.SortFields);
}
