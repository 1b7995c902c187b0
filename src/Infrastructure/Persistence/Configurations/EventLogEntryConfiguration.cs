using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QuoinApi.Domain.Events;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Infrastructure.Persistence.Configurations;

internal sealed class EventLogEntryConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(EventTypes.MaxLength).IsRequired();
        builder.Property(e => e.Data).HasColumnType("jsonb").IsRequired();
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(e => e.TargetSubscriptionId).OnDelete(DeleteBehavior.Cascade);

        // The stream reads a tenant's log by position; the relay and Last-Event-ID find a position by it.
        builder.HasIndex(e => e.Position).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.Position }).HasFilter("position IS NOT NULL");

        // The retention purge deletes the oldest published events first.
        builder.HasIndex(e => e.PublishedAt).HasFilter("published_at IS NOT NULL");

        // Not in the model (ADR 0040): tx_id xid8 NOT NULL DEFAULT pg_current_xact_id() and the partial index of unpublished
        // rows on (tx_id, id). Only the relay's SQL reads them.
        builder.Ignore(e => e.DomainEvents);
    }
}
