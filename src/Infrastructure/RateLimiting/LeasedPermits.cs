using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.RateLimiting;

/// <summary>
/// A tenant's permits that Redis granted to this instance ahead of use (ADR 0052), with what Redis said when it
/// granted them, so that a request served from them answers with the headers a Redis decision would give then. One
/// per tenant seen; every member is read and written under <see cref="Gate"/>.
/// </summary>
internal sealed class LeasedPermits
{
    public readonly Lock Gate = new();

    /// <summary>Permits in hand.</summary>
    public long Left;

    /// <summary>When the permits in hand stop being used (<see cref="TimeProvider.GetTimestamp"/>): given back instead.</summary>
    public long ExpiresAt;

    public RatePlan Plan;

    public string Period = string.Empty;

    /// <summary>When Redis' burst is full again, as of the grant (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long BurstFullAt;

    /// <summary>The month's count in Redis after the grant, which includes the permits in hand.</summary>
    public long MonthlyUsed;

    /// <summary>Unused permits dropped since the last Redis call, to give back to the burst and to the month's count.</summary>
    public long BurstRefund;

    public long MonthRefund;

    /// <summary>Takes one permit if any is in hand for this plan and period and not expired; otherwise the permits in
    /// hand go to the refunds that the next Redis call carries.</summary>
    public bool TryTake(RatePlan plan, string period, long now)
    {
        if (Left > 0 && (now >= ExpiresAt || Plan != plan || Period != period))
        {
            BurstRefund += Left;
            if (Period == period)
            {
                // Permits of last month are not this month's to give back.
                MonthRefund += Left;
            }

            Left = 0;
        }

        if (Left == 0)
        {
            return false;
        }

        Left--;
        return true;
    }
}
