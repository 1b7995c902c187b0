using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.Common.Abstractions;

/// <summary>
/// The read side for query handlers: untracked, tenant-filtered and soft-delete-filtered queryables that they project
/// straight to DTOs. May be served by a read replica.
/// </summary>
public interface IReadDbContext
{
    IQueryable<Tenant> Tenants { get; }

    IQueryable<ApiKey> ApiKeys { get; }

    IQueryable<Product> Products { get; }

    IQueryable<AuditEntry> AuditEntries { get; }
}
