using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.RatePlans.ListRatePlans;

public sealed class ListRatePlansHandler(IOptions<RatePlanOptions> options) : IQueryHandler<ListRatePlansQuery, IReadOnlyList<RatePlanDto>>
{
    public Task<Result<IReadOnlyList<RatePlanDto>>> Handle(ListRatePlansQuery request, CancellationToken cancellationToken)
    {
        IReadOnlyList<RatePlanDto> plans = Enum.GetValues<RatePlan>()
            .Select(plan => (Plan: plan, Limits: options.Value.For(plan)))
            .Select(p => new RatePlanDto(p.Plan, p.Limits.RequestsPerSecond, p.Limits.Burst, p.Limits.MonthlyQuota))
            .ToList();
        return Task.FromResult(Result<IReadOnlyList<RatePlanDto>>.Ok(plans));
    }
}
