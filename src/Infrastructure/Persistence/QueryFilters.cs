using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Common;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// EF Core 10 named query filters, applied by convention from the entity's marker interfaces, so a new entity gets
/// them by implementing the marker (an architecture test fails for an entity with a <c>TenantId</c> and no tenant
/// filter). Named, so a query can lift one (say, soft delete for restore) and keep the other.
/// </summary>
public static class QueryFilters
{
    public const string SoftDelete = QueryFilterNames.SoftDelete;
    public const string Tenant = QueryFilterNames.Tenant;

    internal static void Apply(ModelBuilder modelBuilder, QuoinDbContext context)
    {
        foreach (var clrType in modelBuilder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(ISoftDeletable).IsAssignableFrom(clrType))
            {
                modelBuilder.Entity(clrType).HasQueryFilter(SoftDelete, IsLive(clrType));
            }

            if (typeof(ITenantOwned).IsAssignableFrom(clrType))
            {
                modelBuilder.Entity(clrType).HasQueryFilter(Tenant, BelongsToCurrentTenant(clrType, context));
            }
        }
    }

    /// <summary><c>e => e.DeletedAt == null</c>.</summary>
    private static LambdaExpression IsLive(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "e");
        var isLive = Expression.Equal(
            Expression.Property(entity, nameof(ISoftDeletable.DeletedAt)), Expression.Constant(null, typeof(DateTimeOffset?)));
        return Expression.Lambda(isLive, entity);
    }

    /// <summary>
    /// <c>e => e.TenantId != null &amp;&amp; e.TenantId == context.CurrentTenantId</c>. The entity's own <c>TenantId</c>
    /// column is read (a <see cref="Guid"/> or a <see cref="Nullable{Guid}"/>), and the context is a constant EF Core
    /// swaps for the executing context, so the current tenant is read per context instance. Rows without a tenant
    /// (platform keys, the platform audit chain) never pass, not even for a caller without a tenant.
    /// </summary>
    private static LambdaExpression BelongsToCurrentTenant(Type clrType, QuoinDbContext context)
    {
        var entity = Expression.Parameter(clrType, "e");
        Expression tenantId = Expression.Property(entity, nameof(ITenantOwned.TenantId));
        if (tenantId.Type != typeof(Guid?))
        {
            tenantId = Expression.Convert(tenantId, typeof(Guid?));
        }

        var currentTenantId = Expression.Property(Expression.Constant(context), nameof(QuoinDbContext.CurrentTenantId));
        var belongs = Expression.AndAlso(
            Expression.NotEqual(tenantId, Expression.Constant(null, typeof(Guid?))),
            Expression.Equal(tenantId, currentTenantId));
        return Expression.Lambda(belongs, entity);
    }
}
