using Microsoft.EntityFrameworkCore;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Tenants;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// Answers whether a tenant named by a credential (a JWT's <c>tenant_id</c>) exists and is not deleted, and on which
/// plan its tokens' requests are limited. A singleton: a cache hit resolves nothing per request, and only a miss leases
/// a pooled context.
/// </summary>
public sealed class TenantLivenessCheck(IDbContextFactory<QuoinDbContext> contexts, LiveTenantCache cache)
{
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
}
