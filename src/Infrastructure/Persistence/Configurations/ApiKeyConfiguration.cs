using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t => t.HasCheckConstraint(
            "ck_api_keys_secret_hash_length", $"octet_length(secret_hash) = {SHA256.HashSizeInBytes.ToString(CultureInfo.InvariantCulture)}"));
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(k => k.SecretHash).IsRequired();
        builder.Property(k => k.Scopes).IsRequired();

        // Rotation and revocation are conditional on the key not having been rotated or revoked meanwhile: a concurrent
        // second rotation updates no row and becomes a 409. (Not xmin: lastUsedAt writes must not conflict with them.)
        builder.Property(k => k.ReplacedByKeyId).IsConcurrencyToken();
        builder.Property(k => k.RevokedAt).IsConcurrencyToken();
        builder.Property(k => k.CreatedBy).HasMaxLength(128);
        builder.Property(k => k.UpdatedBy).HasMaxLength(128);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);

        // Authentication looks keys up by hash; only live keys need to be unique (a revoked bootstrap key may return).
        builder.HasIndex(k => k.SecretHash).IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(k => new { k.TenantId, k.CreatedAt, k.Id }).IsDescending(false, true, true);
        builder.Ignore(k => k.DomainEvents);
    }
}
