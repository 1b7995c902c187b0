using QuoinApi.Application.RatePlans;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>A plan and its limits: sustained requests per second, burst, and the monthly quota.</summary>
public sealed record RatePlanResponse(RatePlanName Name, int RequestsPerSecond, int Burst, long MonthlyQuota)
{
    public static RatePlanResponse From(RatePlanDto plan) => new(plan.Name.ToContract(), plan.RequestsPerSecond, plan.Burst, plan.MonthlyQuota);
}
