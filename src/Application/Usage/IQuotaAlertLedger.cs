namespace QuoinApi.Application.Usage;

/// <summary>
/// Remembers which quota thresholds were reported for which tenant and period, across every instance, so each is
/// reported exactly once however many instances see it crossed; the first record enqueues the tenant's
/// <c>quota.warning</c> or <c>quota.exhausted</c> event in the same transaction.
/// </summary>
public interface IQuotaAlertLedger
{
    /// <summary>Records the crossing; true only for the first caller (on any instance) for this tenant, period and threshold.</summary>
    Task<bool> TryRecordAsync(Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken);
}
