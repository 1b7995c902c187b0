namespace QuoinApi.Application.Usage;

#if (IncludeEvents)
/// <summary>
/// Reports each quota threshold once per tenant and period, across every instance: the crossing is recorded and its
/// <c>quota.warning</c> or <c>quota.exhausted</c> event enqueued in one transaction, so the event is published exactly
/// when the record commits.
/// </summary>
public interface IQuotaAlertLedger
{
    /// <summary>Records the crossing and enqueues its event; true only for the first caller (on any instance) for this tenant, period and threshold.</summary>
#else
/// <summary>
/// Reports each quota threshold once per tenant and period, across every instance: the crossing is recorded, and only
/// the first record for a tenant, period and threshold commits.
/// </summary>
public interface IQuotaAlertLedger
{
    /// <summary>Records the crossing; true only for the first caller (on any instance) for this tenant, period and threshold.</summary>
#endif
    Task<bool> TryRecordAsync(Guid tenantId, UsagePeriod period, QuotaThreshold threshold, long used, long quota, CancellationToken cancellationToken);
}
