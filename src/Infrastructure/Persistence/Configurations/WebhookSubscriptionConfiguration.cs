using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Tenants;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(WebhookSubscription.UrlMaxLength).IsRequired();
        builder.Property(w => w.Events).IsRequired();
        builder.Property(w => w.Description).HasMaxLength(WebhookSubscription.DescriptionMaxLength);
        builder.Property(w => w.DisabledReason).HasMaxLength(32);
        builder.Property(w => w.Secret).HasMaxLength(64).IsRequired();
        builder.Property(w => w.PreviousSecret).HasMaxLength(64);
        builder.Property(w => w.CreatedBy).HasMaxLength(128);
        builder.Property(w => w.UpdatedBy).HasMaxLength(128);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.TenantId, w.CreatedAt, w.Id }).IsDescending(false, true, true).HasFilter("deleted_at IS NULL");
        builder.Ignore(w => w.DomainEvents);
    }
}
