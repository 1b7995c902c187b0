using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.CreateApiKey;

/// <summary>Issues a key for the caller's tenant. A key can never grant a scope its creator lacks.</summary>
public sealed class CreateApiKeyHandler(
    IApiKeyRepository apiKeys, ICurrentPrincipal principal, IOptions<ApiKeyOptions> options, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, ApiKeyCreatedDto>
{
    // Nothing to read: the command only adds, and its commit writes (and checks) it.
    public Task<Result<ApiKeyCreatedDto>> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken) => Task.FromResult(Issue(request));

    private Result<ApiKeyCreatedDto> Issue(CreateApiKeyCommand request)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return ApiKeyErrors.TenantRequired;
        }

        var missing = request.Scopes.Where(scope => !principal.HasScope(scope)).ToArray();
        if (missing.Length > 0)
        {
            return ApiKeyErrors.ScopeEscalation(missing);
        }

        var (key, secret) = ApiKey.Issue(tenantId, request.Name, request.Scopes, request.ExpiresAt, options.Value.Environment, clock.GetUtcNow());
        apiKeys.Add(key);
        return ApiKeyCreatedDto.From(key, secret);
    }
}
