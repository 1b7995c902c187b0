using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.RatePlans;

public sealed record RatePlanDto(RatePlan Name, int RequestsPerSecond, int Burst, long MonthlyQuota);
