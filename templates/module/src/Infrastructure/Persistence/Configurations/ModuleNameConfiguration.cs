using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.ModulePlural;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Found by the DbContext's assembly scan; the tenant and soft-delete filters come from the aggregate's marker
/// interfaces, the snake_case names from SnakeCaseNames.
/// </summary>
internal sealed class ModuleNameConfiguration : IEntityTypeConfiguration<ModuleName>
{
    public void Configure(EntityTypeBuilder<ModuleName> builder)
    {
        builder.ToTable("module_plural");
        builder.HasKey(row => row.Id);
        builder.Property(row => row.Id).ValueGeneratedNever();
        builder.Property(row => row.Name).HasMaxLength(ModuleNameRules.NameMaxLength).IsRequired();
        builder.Property(row => row.CreatedBy).HasMaxLength(128);
        builder.Property(row => row.UpdatedBy).HasMaxLength(128);

        // The aggregate's own version: the ETag, and the concurrency token every update checks.
        builder.Property(row => row.Version).IsConcurrencyToken();

        builder.HasOne<Tenant>().WithMany().HasForeignKey(row => row.TenantId).OnDelete(DeleteBehavior.Restrict);

        // One index per sort field (ListModulePluralQuery.SortFields), partial as lists show live rows, so keyset paging seeks.
        foreach (var field in new[] { nameof(ModuleName.Name), nameof(ModuleName.CreatedAt) })
        {
            builder.HasIndex(nameof(ModuleName.TenantId), field, nameof(ModuleName.Id))
                .HasDatabaseName($"ix_module_plural_tenant_id_{SnakeCaseNames.ToSnakeCase(field)}_id")
                .HasFilter("deleted_at IS NULL");
        }

        builder.Ignore(row => row.DomainEvents);
    }
}
