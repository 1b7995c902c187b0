using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.RatePlans;

/// <summary>
/// Configuration section <c>RatePlans</c>: the limits of each plan. Every instance must read the same values (the
/// limits are enforced together, through Redis); changing them needs a restart.
/// </summary>
public sealed class RatePlanOptions
{
    public const string SectionName = "RatePlans";

    public RatePlanLimits Free { get; set; } = new() { RequestsPerSecond = 10, Burst = 20, MonthlyQuota = 10_000 };

    public RatePlanLimits Pro { get; set; } = new() { RequestsPerSecond = 100, Burst = 100, MonthlyQuota = 1_000_000 };

    public RatePlanLimits Enterprise { get; set; } = new() { RequestsPerSecond = 1_000, Burst = 2_000, MonthlyQuota = 100_000_000 };

    public RatePlanLimits For(RatePlan plan) => plan switch
    {
        RatePlan.Free => Free,
        RatePlan.Pro => Pro,
        RatePlan.Enterprise => Enterprise,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "Unknown rate plan."),
    };

    /// <summary>True when every plan has a positive rate, burst and quota (checked at start-up).</summary>
    public bool IsValid() => Enum.GetValues<RatePlan>().All(plan => For(plan).IsValid);
}
