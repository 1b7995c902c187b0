using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Infrastructure.Auditing;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("audit_chain_heads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).ValueGeneratedNever();
        builder.Property(h => h.Hash).IsRequired();
    }
}
