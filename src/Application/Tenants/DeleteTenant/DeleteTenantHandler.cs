using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.DeleteTenant;

/// <summary>Soft-deletes a tenant. Its keys and tokens stop authenticating at once: authentication requires a live
/// tenant, and the cached keys and the cached tenant are evicted after the commit.</summary>
public sealed class DeleteTenantHandler(
    ITenantRepository tenants,
    IApiKeyRepository apiKeys,
    IApiKeyCacheInvalidator keyCache,
    ITenantCacheInvalidator tenantCache,
    TimeProvider clock)
    : ICommandHandler<DeleteTenantCommand, Success>
{
    public async Task<Result<Success>> Handle(DeleteTenantCommand request, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(request.Id, cancellationToken);
        if (tenant is null)
        {
            return Error.NotFound("tenant");
        }

        tenant.Delete(clock.GetUtcNow());

        var hashes = await apiKeys.ListSecretHashesOfTenantAsync(tenant.Id, cancellationToken);
        await keyCache.InvalidateAsync(hashes, cancellationToken);
        await tenantCache.InvalidateAsync(tenant.Id, cancellationToken);
        return Success.Value;
    }
}
