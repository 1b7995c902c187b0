using FluentValidation;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.Products.ListProducts;

public sealed class ListProductsValidator : AbstractValidator<ListProductsQuery>
{
    /// <summary>Longest full-text query (<c>q</c>).</summary>
    public const int SearchTextMaxLength = 200;

    public ListProductsValidator()
    {
        this.ValidListRequest(ProductSorting.Fields);
        RuleFor(q => q.Filter.Sku).MaximumLength(ProductRules.SkuMaxLength).OverridePropertyName("sku");
        RuleFor(q => q.Filter.Tag).MaximumLength(ProductRules.TagMaxLength).OverridePropertyName("tag");
        RuleFor(q => q.Filter.Q).MaximumLength(SearchTextMaxLength).OverridePropertyName("q");
        RuleFor(q => q.Filter.MinPrice).GreaterThanOrEqualTo(0).OverridePropertyName("minPrice");
        RuleFor(q => q.Filter.MaxPrice)
            .GreaterThanOrEqualTo(q => q.Filter.MinPrice ?? 0).When(q => q.Filter.MaxPrice is not null)
            .OverridePropertyName("maxPrice").WithMessage("'maxPrice' must not be below 'minPrice'.");
        RuleFor(q => q.Filter.CreatedBefore)
            .GreaterThan(q => q.Filter.CreatedAfter).When(q => q.Filter.CreatedAfter is not null && q.Filter.CreatedBefore is not null)
            .OverridePropertyName("createdBefore").WithMessage("'createdBefore' must be after 'createdAfter'.");
    }
}
