namespace QuoinApi.Application.Common.Paging;

/// <summary>The list envelope of the HTTP contract (§5): items, a cursor to the next page when there is one, and the
/// total when asked for.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string? NextPageToken = null, long? TotalCount = null);

/// <summary>Paging limits of the HTTP contract (§5).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Longest <c>pageToken</c> accepted; issued tokens are far shorter.</summary>
    public const int PageTokenMaxLength = 2048;
}
