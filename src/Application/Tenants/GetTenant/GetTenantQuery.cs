using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Tenants.GetTenant;

public sealed record GetTenantQuery(Guid Id) : IQuery<TenantDto>;
