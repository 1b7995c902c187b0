using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>The name of a Redis usage batch already written to PostgreSQL, so writing it again is a no-op (kept two days).</summary>
public sealed class UsageFlushBatch
{
    public string Id { get; set; } = string.Empty;

    public DateTimeOffset FlushedAt { get; set; }
}

internal sealed class UsageFlushBatchConfiguration : IEntityTypeConfiguration<UsageFlushBatch>
{
    public void Configure(EntityTypeBuilder<UsageFlushBatch> builder)
    {
        builder.ToTable("usage_flush_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(100);
        builder.HasIndex(b => b.FlushedAt);
    }
}
