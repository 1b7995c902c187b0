using Microsoft.AspNetCore.Mvc;
using QuoinApi.Application.Common.Paging;

namespace QuoinApi.Api.Http;

/// <summary>The list parameters every list endpoint binds, in one type (docs/http-contract.md#5-lists).</summary>
public sealed class ListQueryParameters
{
    /// <summary>1-100, default 20.</summary>
    [FromQuery(Name = "pageSize")]
    public int PageSize { get; init; } = Paging.DefaultPageSize;

    /// <summary>The opaque <c>nextPageToken</c> of the previous page.</summary>
    [FromQuery(Name = "pageToken")]
    public string? PageToken { get; init; }

    /// <summary>Comma-separated whitelisted fields, <c>-</c> for descending.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Comma-separated members to return per item (sparse fieldset).</summary>
    [FromQuery(Name = "fields")]
    public string? Fields { get; init; }

    [FromQuery(Name = "includeTotalCount")]
    public bool IncludeTotalCount { get; init; }

    public ListRequest ToListRequest() => new(PageSize, PageToken, Sort, IncludeTotalCount);
}
