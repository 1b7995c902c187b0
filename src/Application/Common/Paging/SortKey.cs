namespace QuoinApi.Application.Common.Paging;

/// <summary>One sort key: a whitelisted field and a direction.</summary>
public sealed record SortKey(string Field, bool Descending);
