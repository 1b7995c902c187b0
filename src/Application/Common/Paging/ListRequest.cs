using FluentValidation;

namespace QuoinApi.Application.Common.Paging;

/// <summary>What every list accepts (docs/http-contract.md#5-lists): page size, an opaque page token, a sort expression and whether to count.</summary>
public sealed record ListRequest(
    int PageSize = Paging.DefaultPageSize, string? PageToken = null, string? Sort = null, bool IncludeTotalCount = false)
{
    public static readonly ListRequest Default = new();
}

internal static class ListRequestRules
{
    /// <summary>Page size range and a sort expression over the resource's whitelisted fields.</summary>
    public static void ValidListRequest<T, TEntity>(this AbstractValidator<T> validator, SortableFields<TEntity> fields)
        where T : IListQuery
    {
        validator.RuleFor(q => q.List.PageSize)
            .InclusiveBetween(1, Paging.MaxPageSize)
            .OverridePropertyName("pageSize")
            .WithMessage($"'pageSize' must be between 1 and {Paging.MaxPageSize}.");
        validator.RuleFor(q => q.List.Sort)
            .Must(sort => fields.TryParse(sort, out _))
            .OverridePropertyName("sort")
            .WithMessage($"'sort' must be a comma-separated list of {string.Join(", ", fields.Names)}, each optionally prefixed with '-'.");
        validator.RuleFor(q => q.List.PageToken)
            .MaximumLength(Paging.PageTokenMaxLength)
            .OverridePropertyName("pageToken");
    }
}
