namespace QuoinApi.Application.Common.Paging;

/// <summary>Paging limits (docs/http-contract.md#5-lists).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Longest <c>pageToken</c> accepted; issued tokens are far shorter.</summary>
    public const int PageTokenMaxLength = 2048;
}
