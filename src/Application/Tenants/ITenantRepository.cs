using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Tenants;

public interface ITenantRepository
{
    Task<Tenant?> GetAsync(Guid id, CancellationToken cancellationToken);

    void Add(Tenant tenant);
}
