using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyDailyUsageConfiguration : IEntityTypeConfiguration<ApiKeyDailyUsage>
{
    public void Configure(EntityTypeBuilder<ApiKeyDailyUsage> builder)
    {
        // No foreign key to api_keys: bearer-token traffic is counted under the all-zero key id.
        builder.ToTable("api_key_usage", table =>
        {
            table.HasCheckConstraint("ck_api_key_usage_requests", "requests >= 0");
            table.HasCheckConstraint("ck_api_key_usage_throttled", "throttled >= 0");
        });
        builder.HasKey(u => new { u.ApiKeyId, u.Date });
        builder.Property(u => u.TenantId).IsRequired();
        builder.HasIndex(u => new { u.TenantId, u.Date });
    }
}
