using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>EF Core 10 named query filters, so a query can lift one (say, soft delete for restore) and keep the other.</summary>
public static class QueryFilters
{
    public const string SoftDelete = QueryFilterNames.SoftDelete;
    public const string Tenant = QueryFilterNames.Tenant;

    internal static void Apply(ModelBuilder modelBuilder, QuoinDbContext context)
    {
        foreach (var clrType in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).Where(typeof(ISoftDeletable).IsAssignableFrom))
        {
            // e => e.DeletedAt == null, for every soft-deletable entity.
            var entity = Expression.Parameter(clrType, "e");
            var isLive = Expression.Equal(
                Expression.Property(entity, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTimeOffset?)));
            modelBuilder.Entity(clrType).HasQueryFilter(SoftDelete, Expression.Lambda(isLive, entity));
        }

        // Per aggregate: the filter compares with the context's current tenant, which EF Core reads per context instance.
        modelBuilder.Entity<Product>().HasQueryFilter(Tenant, p => p.TenantId == context.CurrentTenantId);
        // Platform keys (no tenant) are never visible through the tenant filter, not even to a caller without a tenant.
        modelBuilder.Entity<ApiKey>().HasQueryFilter(Tenant, k => k.TenantId != null && k.TenantId == context.CurrentTenantId);
        modelBuilder.Entity<Domain.Audit.AuditEntry>().HasQueryFilter(Tenant, e => e.TenantId != null && e.TenantId == context.CurrentTenantId);
    }
}
