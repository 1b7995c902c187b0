using Microsoft.EntityFrameworkCore;
#if (IncludeRatePlans)
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Tenants;
#endif
using QuoinApi.Infrastructure.Persistence;
#if (IncludeRatePlans)
using QuoinApi.Infrastructure.RateLimiting;
#endif

namespace QuoinApi.Infrastructure.Security;

#if (IncludeRatePlans)
/// <summary>
/// Answers whether a tenant named by a credential (a JWT's <c>tenant_id</c>) exists and is not deleted, and on which
/// plan its tokens' requests are limited. A singleton: a cache hit resolves nothing per request, and only a miss leases
/// a pooled context.
/// </summary>
#else
/// <summary>
/// Answers whether a tenant named by a credential (a JWT's <c>tenant_id</c>) exists and is not deleted. A singleton: a
/// cache hit resolves nothing per request, and only a miss leases a pooled context.
/// </summary>
#endif
public sealed class TenantLivenessCheck(IDbContextFactory<QuoinDbContext> contexts, LiveTenantCache cache)
{
#if (IncludeRatePlans)
    /// <summary>The tenant's bearer-token caller, or null when the tenant is unknown or deleted.</summary>
    public async ValueTask<RateLimitedCaller?> FindLiveAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(tenantId, out var caller))
        {
            return caller;
        }

        // The soft-delete filter hides deleted tenants; Tenant has no tenant filter.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => (RatePlan?)t.RatePlan).FirstOrDefaultAsync(cancellationToken);
        caller = plan is { } live ? new RateLimitedCaller(tenantId, ApiKeyDailyUsage.TokenTraffic, live) : null;
        cache.Set(tenantId, caller);
        return caller;
    }
#else
    /// <summary>Whether the tenant exists and is not deleted.</summary>
    public async ValueTask<bool> IsLiveAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (cache.TryGet(tenantId, out var live))
        {
            return live;
        }

        // The soft-delete filter hides deleted tenants; Tenant has no tenant filter.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        live = await db.Tenants.AsNoTracking().AnyAsync(t => t.Id == tenantId, cancellationToken);
        cache.Set(tenantId, live);
        return live;
    }
#endif
}
