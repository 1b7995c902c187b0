using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.ChangeTenantRatePlan;

public sealed record ChangeTenantRatePlanCommand(Guid Id, RatePlan? RatePlan) : ICommand<TenantDto>;
