using FluentValidation;
using QuoinApi.Application.Common.Models;

namespace QuoinApi.Application.Products.ListProducts;

public sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    public ListProductsValidator() => RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
}
