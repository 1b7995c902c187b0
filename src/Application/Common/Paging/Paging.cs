namespace QuoinApi.Application.Common.Paging;

/// <summary>Paging limits (docs/http-contract.md#5-lists).</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}
