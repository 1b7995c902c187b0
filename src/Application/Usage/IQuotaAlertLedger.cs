namespace QuoinApi.Application.Usage;

/// <summary>
/// Reports each quota threshold once per tenant and period, across every instance: the crossing is recorded and its
/// <c>quota.warning</c> or <c>quota.exhausted</c> event enqueued in one transaction, so the event is published exactly
/// when the record commits.
/// </summary>
public interface IQuotaAlertLedger
{
    /// <summary>Records the crossing and enqueues its event; true only for the first caller (on any instance) for this tenant, period and threshold.</summary>
    Task<bool> TryRecordAsync(Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken);
}
