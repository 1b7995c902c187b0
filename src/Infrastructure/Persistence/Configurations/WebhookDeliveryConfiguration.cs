using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Events;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.EventType).HasMaxLength(EventTypes.MaxLength).IsRequired();
        builder.Property(d => d.Status).HasMaxLength(16).HasConversion(LowerCaseEnum.Converter<WebhookDeliveryStatus>()).IsRequired();
        builder.Property(d => d.LastError).HasMaxLength(200);

        // Deliveries live as long as their event stays in the log (retention) and their subscription exists.
        builder.HasOne<EventLogEntry>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);

        // The worker takes the oldest pending delivery of each subscription: an index in that order, pending rows only.
        builder.HasIndex(d => new { d.SubscriptionId, d.EventPosition, d.CreatedAt }).HasFilter("status = 'pending'");
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAt, d.Id }).IsDescending(false, true, true);

        // Not in the model (ADR 0041): locked_until, the lease one worker holds while it attempts the delivery.
        builder.Ignore(d => d.DomainEvents);
    }
}
