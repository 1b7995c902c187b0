using QuoinApi.Application.Common.Messaging;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
#endif

namespace QuoinApi.Application.Tenants.CreateTenant;

#if (IncludeRatePlans)
public sealed record CreateTenantCommand(string Name, RatePlan RatePlan = RatePlan.Free) : ICommand<CreateTenantResponse>;
#else
public sealed record CreateTenantCommand(string Name) : ICommand<CreateTenantResponse>;
#endif
