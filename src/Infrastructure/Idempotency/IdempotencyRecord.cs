using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>A claimed Idempotency-Key and the response to replay. Kept 24 hours.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>The tenant, or <see cref="Guid.Empty"/> for platform callers.</summary>
    public Guid TenantKey { get; set; }

    public string Key { get; set; } = string.Empty;

    public byte[] RequestHash { get; set; } = [];

    public string RequestName { get; set; } = string.Empty;

    public byte[] Response { get; set; } = [];

    /// <summary>True when <see cref="Response"/> is AES-GCM ciphertext (the response carried a secret).</summary>
    public bool Encrypted { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.TenantKey, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestName).HasMaxLength(100);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
