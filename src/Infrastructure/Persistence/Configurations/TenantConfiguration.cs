using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength).IsRequired();
#if (IncludeRatePlans)
        builder.Property(t => t.RatePlan).HasConversion(LowerCaseEnum.Converter<RatePlan>()).HasMaxLength(32).IsRequired();
#endif
        builder.Property(t => t.CreatedBy).HasMaxLength(128);
        builder.Property(t => t.UpdatedBy).HasMaxLength(128);
        builder.HasIndex(t => new { t.CreatedAt, t.Id }).IsDescending();
        builder.Ignore(t => t.DomainEvents);
    }
}
