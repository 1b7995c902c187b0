namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// Whether a tenant is live is cached briefly, so a JWT's tenant costs no database round trip per request; deleting a
/// tenant must evict it from every instance.
/// </summary>
public interface ITenantCacheInvalidator
{
    Task InvalidateAsync(Guid tenantId, CancellationToken cancellationToken);
}
