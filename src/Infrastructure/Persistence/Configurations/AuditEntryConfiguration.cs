using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.ResourceType).HasMaxLength(50).IsRequired();
        builder.Property(e => e.ResourceId).HasMaxLength(200);
        builder.Property(e => e.Outcome).HasMaxLength(20).IsRequired();
        builder.Property(e => e.RequestId).HasMaxLength(128);
        builder.Property(e => e.TraceId).HasMaxLength(32);

        // text, not jsonb: the hash covers these exact characters, which jsonb would normalise.
        builder.Property(e => e.Changes).HasColumnType("text").IsRequired();

        // One gap-free sequence per chain among sealed entries; the platform chain (no tenant) is one chain too.
        builder.HasIndex(e => new { e.TenantId, e.Sequence }).IsUnique().AreNullsDistinct(false).HasFilter("sequence IS NOT NULL");

        // Not in the model: tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(), and the partial index of unsealed rows on
        // (tx_id, id). EF never reads or writes them; the sealer's SQL does (migration SealedAuditChain, ADR 0014).
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt, e.Id });
        builder.Ignore(e => e.DomainEvents);
    }
}
