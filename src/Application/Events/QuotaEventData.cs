namespace QuoinApi.Application.Events;

/// <summary>
/// The <c>data</c> of <c>quota.warning</c> (80 % of the month's quota used) and <c>quota.exhausted</c> (all of it):
/// the period (the calendar month, UTC), the requests served when the threshold was crossed, and the quota.
/// </summary>
public sealed record QuotaEventData(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Used, long Quota);
