namespace QuoinApi.Application.ApiKeys;

/// <summary>One day (UTC) of one key's traffic: requests served and requests refused by the limiter or the quota.</summary>
public sealed record ApiKeyUsageDto(DateOnly Date, long Requests, long Throttled);
