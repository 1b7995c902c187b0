using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Audit;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Named query filters hide soft-deleted rows (<see cref="QueryFilters.SoftDelete"/>) and other
/// tenants' rows (<see cref="QueryFilters.Tenant"/>); code that must see past them says so by name.
/// </summary>
public class QuoinDbContext : DbContext
{
    private readonly ICurrentPrincipal _principal;

    public QuoinDbContext(DbContextOptions<QuoinDbContext> options, ICurrentPrincipal principal)
        : this((DbContextOptions)options, principal)
    {
    }

    protected QuoinDbContext(DbContextOptions options, ICurrentPrincipal principal)
        : base(options) => _principal = principal;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Read by the tenant query filter on every query; EF Core parameterises it per context instance.</summary>
    internal Guid? CurrentTenantId => _principal.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QuoinDbContext).Assembly);
        QueryFilters.Apply(modelBuilder, this);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
