using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.RatePlans;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Usage.GetUsage;

/// <summary>
/// Sums the tenant's daily usage rows of the current month (keys and bearer tokens alike). The rows are written in
/// batches, so the answer trails the limiter's own count by at most the usage flush interval.
/// </summary>
public sealed class GetUsageHandler(IReadDbContext db, ICurrentPrincipal principal, IOptions<RatePlanOptions> plans, TimeProvider clock)
    : IQueryHandler<GetUsageQuery, UsageDto>
{
    public async Task<Result<UsageDto>> Handle(GetUsageQuery request, CancellationToken cancellationToken)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return UsageErrors.TenantRequired;
        }

        var plan = await db.Tenants.Where(t => t.Id == tenantId).Select(t => (Domain.Tenants.RatePlan?)t.RatePlan).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Error.NotFound("tenant");
        }

        var period = UsagePeriod.Containing(clock.GetUtcNow());
        var (first, end) = (period.FirstDay, period.EndDay);
        var totals = await db.ApiKeyUsage
            .Where(u => u.Date >= first && u.Date < end)
            .GroupBy(_ => 1)
            .Select(g => new { Requests = g.Sum(u => u.Requests), Throttled = g.Sum(u => u.Throttled) })
            .FirstOrDefaultAsync(cancellationToken);

        var quota = plans.Value.For(plan.Value).MonthlyQuota;
        var requests = totals?.Requests ?? 0;
        return new UsageDto(period.Start, period.End, requests, totals?.Throttled ?? 0, quota, Math.Max(0, quota - requests));
    }
}
