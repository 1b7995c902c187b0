using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
#if (IncludeEvents)
using QuoinApi.Domain.Events;
#endif
#if (IncludeProducts)
using QuoinApi.Domain.Products;
#endif
using QuoinApi.Domain.Tenants;
#if (IncludeEvents)
using QuoinApi.Domain.Webhooks;
#endif

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Named query filters hide soft-deleted rows (<see cref="QueryFilters.SoftDelete"/>) and other
/// tenants' rows (<see cref="QueryFilters.Tenant"/>); code that must see past them says so by name.
/// </summary>
/// <remarks>
/// Instances are pooled (ADR 0005): options and services are built once, and each lease is handed the request's
/// <see cref="Principal"/> by <see cref="PooledContexts"/>. Nothing request-specific may live in the constructor.
/// </remarks>
public class QuoinDbContext : DbContext
{
    public QuoinDbContext(DbContextOptions<QuoinDbContext> options)
        : this((DbContextOptions)options)
    {
    }

    protected QuoinDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

#if (IncludeProducts)
    public DbSet<Product> Products => Set<Product>();

#endif
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

#if (IncludeEvents)
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>The outbox and, once published, the event log (one table: publishing gives a row its position).</summary>
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

#endif
#if (IncludeRatePlans)
    public DbSet<ApiKeyDailyUsage> ApiKeyUsage => Set<ApiKeyDailyUsage>();
#endif

    /// <summary>The caller this lease serves; set on every lease, read lazily (authentication may finish after the lease).</summary>
    public ICurrentPrincipal? Principal { get; set; }

#if (IncludeEvents)
    /// <summary>Outbox rows were saved in the open transaction: the relay is woken when it commits.</summary>
    internal bool OutboxWritten { get; set; }

#endif
    /// <summary>Read by the tenant query filter on every query; EF Core parameterises it per context instance.</summary>
    internal Guid? CurrentTenantId => Principal?.TenantId;

    /// <summary>Insert-only rows (audit entries, outbox events) that ride the next save's batch untracked (ADR 0017).</summary>
    internal AppendedRows AppendedRows { get; } = new();

    /// <summary>A lease that ends unsaved drops its appended rows with its tracked changes (pooled contexts live on).</summary>
    public override void Dispose()
    {
        AppendedRows.Clear();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        AppendedRows.Clear();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QuoinDbContext).Assembly);
        QueryFilters.Apply(modelBuilder, this);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
