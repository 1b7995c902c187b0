using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.CreateTenant;

public sealed record CreateTenantCommand(string Name, RatePlan RatePlan = RatePlan.Free) : ICommand<CreateTenantResponse>;
