using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// The read side over the store's committed rows, with the real query filters (soft delete everywhere, tenant on keys
/// and products). The queryables support EF Core's async operators, which the query handlers use.
/// </summary>
public sealed class InMemoryReadDbContext(InMemoryStore store, ICurrentPrincipal principal) : IReadDbContext
{
    public IQueryable<Tenant> Tenants => new TestAsyncEnumerable<Tenant>([.. store.Tenants.Where(t => t.DeletedAt is null)]);

    public IQueryable<ApiKey> ApiKeys =>
        new TestAsyncEnumerable<ApiKey>([.. store.ApiKeys.Where(k => k.DeletedAt is null && k.TenantId == principal.TenantId)]);

    public IQueryable<Product> Products =>
        new TestAsyncEnumerable<Product>([.. store.Products.Where(p => p.DeletedAt is null && p.TenantId == principal.TenantId)]);
}
