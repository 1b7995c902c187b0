using Microsoft.Extensions.Options;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants.CreateTenant;

public sealed class CreateTenantHandler(
    ITenantRepository tenants,
    IApiKeyRepository apiKeys,
    IOptions<ApiKeyOptions> apiKeyOptions,
    TimeProvider clock) : ICommandHandler<CreateTenantCommand, CreateTenantResponse>
{
    public const string OwnerKeyName = "Owner";

    // Nothing to read: the command only adds, and its commit writes (and checks) it.
    public Task<Result<CreateTenantResponse>> Handle(CreateTenantCommand request, CancellationToken cancellationToken) => Task.FromResult(Create(request));

    private Result<CreateTenantResponse> Create(CreateTenantCommand request)
    {
        var now = clock.GetUtcNow();
#if (IncludeRatePlans)
        var tenant = Tenant.Create(request.Name, request.RatePlan, now);
#else
        var tenant = Tenant.Create(request.Name, now);
#endif
        var (ownerKey, secret) = ApiKey.Issue(tenant.Id, OwnerKeyName, Scopes.TenantScopes, expiresAt: null, apiKeyOptions.Value.Environment, now);

        tenants.Add(tenant);
        apiKeys.Add(ownerKey);

        return new CreateTenantResponse(
#if (IncludeRatePlans)
            tenant.Id, tenant.Name, tenant.RatePlan, tenant.CreatedAt, tenant.UpdatedAt,
#else
            tenant.Id, tenant.Name, tenant.CreatedAt, tenant.UpdatedAt,
#endif
            new OwnerApiKeyDto(ownerKey.Id, secret.Value, ownerKey.Scopes));
    }
}
