using QuoinApi.Application.ApiKeys;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Answers with what the test arranged, as the real repository would answer the caller: it filters nothing (tenant and
/// soft-delete filtering are tested on PostgreSQL in Application.IntegrationTests).
/// </summary>
public sealed class FakeApiKeyRepository(RecordedWrites writes) : IApiKeyRepository
{
    /// <summary>What <see cref="GetAsync"/> finds: the caller's live keys.</summary>
    public Dictionary<Guid, ApiKey> Live { get; } = [];

    /// <summary>What <see cref="ListSecretHashesOfTenantAsync"/> lists, per tenant: the hashes of its live keys.</summary>
    public Dictionary<Guid, List<byte[]>> LiveSecretHashes { get; } = [];

    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(id));

    public Task<IReadOnlyList<byte[]>> ListSecretHashesOfTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<byte[]>>(LiveSecretHashes.GetValueOrDefault(tenantId) ?? []);

    public void Add(ApiKey apiKey) => writes.Add(apiKey);
}
