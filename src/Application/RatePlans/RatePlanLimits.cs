namespace QuoinApi.Application.RatePlans;

/// <summary>
/// What a plan allows: a sustained rate, a burst (how many requests may arrive at once after a quiet moment) and a
/// quota per calendar month (UTC).
/// </summary>
public sealed class RatePlanLimits
{
    public int RequestsPerSecond { get; set; }

    public int Burst { get; set; }

    public long MonthlyQuota { get; set; }

    internal bool IsValid => RequestsPerSecond > 0 && Burst > 0 && MonthlyQuota > 0;
}
