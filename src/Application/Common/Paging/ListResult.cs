namespace QuoinApi.Application.Common.Paging;

/// <summary>The list envelope (docs/http-contract.md#5-lists): items, a cursor to the next page when there is one, and the
/// total when asked for.</summary>
public sealed record ListResult<T>(IReadOnlyList<T> Items, string? NextPageToken = null, long? TotalCount = null);
