using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure.Persistence;

namespace QuoinApi.Architecture.Tests;

/// <summary>
/// Tenant isolation by convention, checked on the EF Core model the real DbContext builds (no database needed): every
/// entity that carries a tenant id is tenant-owned and filtered by the current tenant, and platform rows (no tenant)
/// never pass the filter.
/// </summary>
public sealed class TenantFilterTests
{
    private const string TenantIdProperty = nameof(ITenantOwned.TenantId);

    private static IModel Model { get; } = BuildModel();

    private static IModel BuildModel()
    {
        using var context = new DesignTimeDbContextFactory().CreateDbContext([]);
        return context.Model;
    }

    private static IEnumerable<IEntityType> EntitiesWithATenantId =>
        Model.GetEntityTypes().Where(t => t.FindProperty(TenantIdProperty) is not null);

    [Test]
    public void The_model_has_tenant_owned_entities()
    {
        // Guards the tests below against passing on an empty model.
#if (IncludeProducts)
        Assert.That(EntitiesWithATenantId.Select(t => t.ClrType.Name), Is.SupersetOf(new[] { "Product", "ApiKey", "AuditEntry" }));
#else
        Assert.That(EntitiesWithATenantId.Select(t => t.ClrType.Name), Is.SupersetOf(new[] { "ApiKey", "AuditEntry" }));
#endif
    }

    [Test]
    public void Every_entity_with_a_tenant_id_has_the_tenant_filter_on_that_column()
    {
        var unfiltered = EntitiesWithATenantId
            .Where(t => t.FindDeclaredQueryFilter(QueryFilters.Tenant)?.Expression is not { } filter || !ReadsTenantId(filter))
            .Select(t => t.ClrType.FullName)
            .ToArray();

        Assert.That(unfiltered, Is.Empty,
            $"Entities with a {TenantIdProperty} but no '{QueryFilters.Tenant}' query filter over it: implement {nameof(ITenantOwned)}.");
    }

    [Test]
    public void Every_entity_with_a_tenant_id_is_marked_tenant_owned()
    {
        var unmarked = EntitiesWithATenantId.Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).Select(t => t.ClrType.FullName);

        Assert.That(unmarked, Is.Empty);
    }

    [Test]
    public void The_tenant_filter_never_passes_a_row_without_a_tenant()
    {
        // The design-time context has no caller, so its current tenant is null: the filter must still refuse
        // platform rows (a null tenant id) rather than match null with null.
        var entityTypes = EntitiesWithATenantId.Where(t => t.FindProperty(TenantIdProperty)!.IsNullable).ToList();
        Assert.That(entityTypes, Is.Not.Empty);
        foreach (var entityType in entityTypes)
        {
            var platformRow = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(entityType.ClrType);
            var passes = entityType.FindDeclaredQueryFilter(QueryFilters.Tenant)?.Expression is not { } filter
                || (bool)filter.Compile().DynamicInvoke(platformRow)!;

            Assert.That(passes, Is.False, $"{entityType.ClrType.Name}: a row without a tenant passes (or there is no tenant filter).");
        }
    }

    private static bool ReadsTenantId(LambdaExpression filter)
    {
        var finder = new MemberFinder(filter.Parameters[0]);
        finder.Visit(filter.Body);
        return finder.Found;
    }

    /// <summary>Finds <c>e.TenantId</c> on the filter's own parameter.</summary>
    private sealed class MemberFinder(ParameterExpression entity) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            Found |= node.Expression == entity && node.Member.Name == TenantIdProperty;
            return base.VisitMember(node);
        }
    }
}
