using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes a key at once: committed, then evicted from every instance's cache.</summary>
public sealed class RevokeApiKeyHandler(IApiKeyRepository apiKeys, IApiKeyCacheInvalidator keyCache, TimeProvider clock)
    : ICommandHandler<RevokeApiKeyCommand, Success>
{
    public async Task<Result<Success>> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await apiKeys.GetAsync(request.Id, cancellationToken);
        if (key is null)
        {
            return Error.NotFound("api_key");
        }

        key.Revoke(clock.GetUtcNow());
        await keyCache.InvalidateAsync([key.SecretHash], cancellationToken);
        return Success.Value;
    }
}
