using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Common;

namespace QuoinApi.Infrastructure.Usage;

/// <summary>
/// Marks that a tenant's quota threshold was reported for a period: the primary key lets exactly one instance report
/// it, whichever saw the crossing, with or without Redis.
/// </summary>
public sealed class QuotaNotification : ITenantOwned
{
    public Guid? TenantId { get; set; }

    /// <summary>The period's name, <c>yyyyMM</c>.</summary>
    public string Period { get; set; } = string.Empty;

    /// <summary><c>warning</c> or <c>exhausted</c>.</summary>
    public string Threshold { get; set; } = string.Empty;

    public long Used { get; set; }

    public long Quota { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
}

internal sealed class QuotaNotificationConfiguration : IEntityTypeConfiguration<QuotaNotification>
{
    public void Configure(EntityTypeBuilder<QuotaNotification> builder)
    {
        builder.ToTable("quota_notifications");
        builder.HasKey(n => new { n.TenantId, n.Period, n.Threshold });
        builder.Property(n => n.TenantId).IsRequired();
        builder.Property(n => n.Period).HasMaxLength(6);
        builder.Property(n => n.Threshold).HasMaxLength(16);
    }
}
