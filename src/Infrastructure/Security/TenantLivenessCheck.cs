using Microsoft.EntityFrameworkCore;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// Answers whether a tenant named by a credential (a JWT's <c>tenant_id</c>) exists and is not deleted. A singleton: a
/// cache hit resolves nothing per request, and only a miss leases a pooled context.
/// </summary>
public sealed class TenantLivenessCheck(IDbContextFactory<QuoinDbContext> contexts, LiveTenantCache cache)
{
    public async Task<bool> IsLiveAsync(Guid tenantId, CancellationToken cancellationToken)
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
}
