using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Applies the same filters as the real repository: live keys of the principal's tenant. As in the real tenant filter,
/// platform keys (no tenant) are invisible, also to a caller without a tenant.
/// </summary>
public sealed class InMemoryApiKeyRepository(InMemoryStore store, ICurrentPrincipal principal) : IApiKeyRepository
{
    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(store.ApiKeys.FirstOrDefault(k => k.Id == id && k.DeletedAt is null && k.TenantId != null && k.TenantId == principal.TenantId));

    /// <summary>The real query lifts the tenant filter (a platform admin deletes another tenant) but keeps soft delete.</summary>
    public Task<IReadOnlyList<byte[]>> ListSecretHashesOfTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<byte[]>>([.. store.ApiKeys.Where(k => k.TenantId == tenantId && k.DeletedAt is null).Select(k => k.SecretHash)]);

    public void Add(ApiKey apiKey) => store.AddPending(apiKey);
}
