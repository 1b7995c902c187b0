using Mapster;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.ChangeTenantRatePlan;

/// <summary>
/// Moves a tenant to another plan. Credentials carry their tenant's plan in the authentication caches, so the tenant's
/// cached keys and its cached token entry are evicted after the commit, here and on every instance: the next request
/// is limited on the new plan.
/// </summary>
public sealed class ChangeTenantRatePlanHandler(
    ITenantRepository tenants,
    IApiKeyRepository apiKeys,
    IApiKeyCacheInvalidator keyCache,
    ITenantCacheInvalidator tenantCache,
    TypeAdapterConfig mappings,
    TimeProvider clock)
    : ICommandHandler<ChangeTenantRatePlanCommand, TenantDto>
{
    public async Task<Result<TenantDto>> Handle(ChangeTenantRatePlanCommand request, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(request.Id, cancellationToken);
        if (tenant is null)
        {
            return Error.NotFound("tenant");
        }

        var previous = tenant.RatePlan;
        tenant.ChangeRatePlan(request.RatePlan!.Value, clock.GetUtcNow());
        if (tenant.RatePlan != previous)
        {
            await keyCache.InvalidateAsync(await apiKeys.ListSecretHashesOfTenantAsync(tenant.Id, cancellationToken), cancellationToken);
            await tenantCache.InvalidateAsync(tenant.Id, cancellationToken);
        }

        return tenant.Adapt<TenantDto>(mappings);
    }
}
