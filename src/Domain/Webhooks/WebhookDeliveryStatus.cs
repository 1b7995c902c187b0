namespace QuoinApi.Domain.Webhooks;

/// <summary>Where a delivery stands: waiting for its next attempt, delivered, or given up after the last attempt.</summary>
public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Dead,
}
