using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.RotateApiKey;

/// <summary>Issues a replacement key; the old one keeps working until the grace period ends.</summary>
public sealed class RotateApiKeyHandler(
    IApiKeyRepository apiKeys,
    ICurrentPrincipal principal,
    IApiKeyCacheInvalidator keyCache,
    IOptions<ApiKeyOptions> options,
    TimeProvider clock) : ICommandHandler<RotateApiKeyCommand, ApiKeyCreatedDto>
{
    public async Task<Result<ApiKeyCreatedDto>> Handle(RotateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await apiKeys.GetAsync(request.Id, cancellationToken);
        if (key is null)
        {
            return Error.NotFound("api_key");
        }

        // The replacement carries the old key's scopes, so rotating must not let a weaker caller mint a stronger key.
        var missing = key.Scopes.Where(scope => !principal.HasScope(scope)).ToArray();
        if (missing.Length > 0)
        {
            return ApiKeyErrors.ScopeEscalation(missing);
        }

        var grace = request.GracePeriodSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : ApiKey.DefaultRotationGrace;
        var rotation = key.Rotate(grace, options.Value.Environment, clock.GetUtcNow());
        if (!rotation.IsSuccess)
        {
            return rotation.Error!;
        }

        var (replacement, secret) = rotation.Value;
        apiKeys.Add(replacement);

        // The cached entry of the old key must learn its new grace deadline.
        await keyCache.InvalidateAsync([key.SecretHash], cancellationToken);
        return ApiKeyCreatedDto.From(replacement, secret);
    }
}
