using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Tenants.DeleteTenant;

public sealed record DeleteTenantCommand(Guid Id) : ICommand<Success>;
