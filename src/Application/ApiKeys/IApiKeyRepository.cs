using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys;

public interface IApiKeyRepository
{
    /// <summary>A live key of the current tenant.</summary>
    Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<byte[]>> ListSecretHashesOfTenantAsync(Guid tenantId, CancellationToken cancellationToken);

    void Add(ApiKey apiKey);
}
