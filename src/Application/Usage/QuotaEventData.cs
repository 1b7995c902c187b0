namespace QuoinApi.Application.Usage;

/// <summary>
/// The <c>data</c> of <c>quota.warning</c> and <c>quota.exhausted</c>: the tenant's period as <c>GET /usage</c> shows it,
/// at the request that crossed the threshold.
/// </summary>
public sealed record QuotaEventData(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Requests, long Quota, long Remaining);
