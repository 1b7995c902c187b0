namespace QuoinApi.Application.Usage;

/// <summary>A tenant's use of the current period (the calendar month, UTC) against its plan's quota.</summary>
public sealed record UsageDto(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Requests, long Throttled, long Quota, long Remaining);
