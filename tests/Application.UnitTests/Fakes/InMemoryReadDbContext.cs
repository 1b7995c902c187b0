using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// The read side over the store's committed rows, with the real named query filters (Infrastructure's QueryFilters):
/// soft delete on every table, the tenant on products and keys. Platform keys (no tenant) never pass the tenant filter,
/// not even for a caller without a tenant. The principal's tenant is read when a query runs, as EF Core does.
/// </summary>
public sealed class InMemoryReadDbContext(InMemoryStore store, ICurrentPrincipal principal) : IReadDbContext
{
    private readonly InMemoryQueryCompiler _compiler = new();

    public IQueryable<Tenant> Tenants => _compiler.Query(new InMemoryTable<Tenant>(
        () => store.Tenants,
        (QueryFilterNames.SoftDelete, t => t.DeletedAt is null)));

    public IQueryable<ApiKey> ApiKeys => _compiler.Query(new InMemoryTable<ApiKey>(
        () => store.ApiKeys,
        (QueryFilterNames.SoftDelete, k => k.DeletedAt is null),
        (QueryFilterNames.Tenant, k => k.TenantId != null && k.TenantId == principal.TenantId)));

    public IQueryable<Product> Products => _compiler.Query(new InMemoryTable<Product>(
        () => store.Products,
        (QueryFilterNames.SoftDelete, p => p.DeletedAt is null),
        (QueryFilterNames.Tenant, p => p.TenantId == principal.TenantId)));

    public IQueryable<AuditEntry> AuditEntries => _compiler.Query(new InMemoryTable<AuditEntry>(
        () => store.AuditEntries,
        (QueryFilterNames.Tenant, e => e.TenantId != null && e.TenantId == principal.TenantId)));
}
