using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Webhooks;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

internal sealed class WebhookRepository(QuoinDbContext db) : IWebhookRepository
{
    public Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookSubscriptions.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    public Task<WebhookDelivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken) =>
        db.WebhookDeliveries
            .Where(d => d.Id == id && db.WebhookSubscriptions.Any(w => w.Id == d.SubscriptionId))
            .FirstOrDefaultAsync(cancellationToken);

    public void Add(WebhookSubscription subscription) => db.WebhookSubscriptions.Add(subscription);

    public void Add(WebhookDelivery delivery) => db.WebhookDeliveries.Add(delivery);
}
