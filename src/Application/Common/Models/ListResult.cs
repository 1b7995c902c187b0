namespace QuoinApi.Application.Common.Models;

/// <summary>The list envelope of the HTTP contract (§5): items, then a cursor to the next page when there is one.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string? NextPageToken = null, long? TotalCount = null);

/// <summary>Paging limits of the HTTP contract (§5).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
