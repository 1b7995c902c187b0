using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>Like the real repository: tenants are not tenant-owned, so only the soft-delete filter applies.</summary>
public sealed class InMemoryTenantRepository(InMemoryStore store) : ITenantRepository
{
    public Task<Tenant?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult(store.Tenants.FirstOrDefault(t => t.Id == id && t.DeletedAt is null));

    public void Add(Tenant tenant) => store.AddPending(tenant);
}
