using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.RatePlans.ListRatePlans;

/// <summary>Every plan with its limits, for any authenticated caller.</summary>
public sealed record ListRatePlansQuery : IQuery<IReadOnlyList<RatePlanDto>>;
