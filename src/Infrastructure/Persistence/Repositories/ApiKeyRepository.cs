using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

internal sealed class ApiKeyRepository(QuoinDbContext db) : IApiKeyRepository
{
    public Task<ApiKey?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    public async Task<IReadOnlyList<byte[]>> ListSecretHashesOfTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        await db.ApiKeys
            .IgnoreQueryFilters([QueryFilters.Tenant])
            .Where(k => k.TenantId == tenantId)
            .Select(k => k.SecretHash)
            .ToListAsync(cancellationToken);

    public void Add(ApiKey apiKey) => db.ApiKeys.Add(apiKey);
}
