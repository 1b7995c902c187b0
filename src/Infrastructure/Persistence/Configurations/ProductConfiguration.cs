using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using QuoinApi.Application.Products;
using QuoinApi.Domain.Products;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        // The same constants as the validators: the database refuses what validation would, should a write bypass it.
        builder.ToTable("products", t =>
        {
            t.HasCheckConstraint("ck_products_price_range", $"price >= {Sql(ProductRules.MinPrice)} AND price <= {Sql(ProductRules.MaxPrice)}");
            t.HasCheckConstraint("ck_products_tags_count", $"cardinality(tags) <= {Sql(ProductRules.MaxTags)}");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Sku).HasMaxLength(ProductRules.SkuMaxLength).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(ProductRules.NameMaxLength).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(ProductRules.DescriptionMaxLength);
        builder.Property(p => p.Price).HasPrecision(12, ProductRules.MaxPriceDecimals);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength().IsRequired();
        builder.Property(p => p.Tags).IsRequired();
        builder.Property(p => p.CreatedBy).HasMaxLength(128);
        builder.Property(p => p.UpdatedBy).HasMaxLength(128);

        // The aggregate's own version (ADR 0015): the ETag, and the concurrency token every update checks.
        builder.Property(p => p.Version).IsConcurrencyToken();

        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);

        // A sku is unique among a tenant's live products only: deleting frees it, restoring re-checks it.
        builder.HasIndex(p => new { p.TenantId, p.Sku }).IsUnique().HasFilter("deleted_at IS NULL").HasDatabaseName(ProductConstraints.LiveSku);
        // One index per sort field (docs/http-contract.md#5-lists) so keyset paging seeks instead of scanning; partial, as lists show live rows.
        foreach (var field in new[] { nameof(Product.Name), nameof(Product.Price), nameof(Product.CreatedAt), nameof(Product.UpdatedAt) })
        {
            builder.HasIndex(nameof(Product.TenantId), field, nameof(Product.Id))
                .HasDatabaseName($"ix_products_tenant_id_{SnakeCaseNames.ToSnakeCase(field)}_id")
                .HasFilter("deleted_at IS NULL");
        }

        builder.Property<NpgsqlTsVector>(ProductTextSearch.SearchVector)
            .HasComputedColumnSql(
                $"to_tsvector('{ProductTextSearch.Configuration}', coalesce(name, '') || ' ' || coalesce(description, ''))", stored: true);
        builder.HasIndex(ProductTextSearch.SearchVector).HasMethod("gin");
        builder.Ignore(p => p.DomainEvents);
    }

    private static string Sql(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Sql(int value) => value.ToString(CultureInfo.InvariantCulture);
}
