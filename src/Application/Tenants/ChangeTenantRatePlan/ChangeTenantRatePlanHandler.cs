using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanHandler(ITenantRepository tenants, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<ChangeTenantRatePlanCommand, TenantDto>
{
    public async Task<Result<TenantDto>> Handle(ChangeTenantRatePlanCommand request, CancellationToken cancellationToken)
    {
        var tenant = await tenants.GetAsync(request.Id, cancellationToken);
        if (tenant is null)
        {
            return Error.NotFound("tenant");
        }

        tenant.ChangeRatePlan(request.RatePlan!.Value, clock.GetUtcNow());
        return tenant.Adapt<TenantDto>(mappings);
    }
}
