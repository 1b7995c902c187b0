using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Application.Webhooks;

public interface IWebhookRepository
{
    /// <summary>A live subscription of the current tenant.</summary>
    Task<WebhookSubscription?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A delivery of the current tenant to one of its live subscriptions.</summary>
    Task<WebhookDelivery?> GetDeliveryAsync(Guid id, CancellationToken cancellationToken);

    void Add(WebhookSubscription subscription);

    void Add(WebhookDelivery delivery);
}
