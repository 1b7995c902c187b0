using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Tenants;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

internal sealed class TenantRepository(QuoinDbContext db) : ITenantRepository
{
    public Task<Tenant?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public void Add(Tenant tenant) => db.Tenants.Add(tenant);
}
