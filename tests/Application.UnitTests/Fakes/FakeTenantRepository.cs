using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Answers with what the test arranged: the live tenants (soft delete is filtered on PostgreSQL, not here).</summary>
public sealed class FakeTenantRepository(RecordedWrites writes) : ITenantRepository
{
    public Dictionary<Guid, Tenant> Live { get; } = [];

    public Task<Tenant?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(id));

    public void Add(Tenant tenant) => writes.Add(tenant);
}
