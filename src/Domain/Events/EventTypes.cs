namespace QuoinApi.Domain.Events;

/// <summary>The public event types (docs/http-contract.md, "Event types"): what webhooks filter on and the stream names.</summary>
public static class EventTypes
{
#if (IncludeProducts)
    public const string ProductCreated = "product.created";
    public const string ProductUpdated = "product.updated";
    public const string ProductDeleted = "product.deleted";
    public const string ProductRestored = "product.restored";
#endif
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRotated = "api_key.rotated";
    public const string ApiKeyRevoked = "api_key.revoked";
#if (IncludeRatePlans)
    public const string QuotaWarning = "quota.warning";
    public const string QuotaExhausted = "quota.exhausted";
#endif
    public const string WebhookPing = "webhook.ping";

    /// <summary>Longest type name the event log stores.</summary>
    public const int MaxLength = 64;

    /// <summary>The types a subscription may ask for (a ping goes to its subscription whatever its filter says).</summary>
    public static readonly IReadOnlyList<string> Subscribable =
    [
#if (IncludeProducts)
        ProductCreated, ProductUpdated, ProductDeleted, ProductRestored,
#endif
#if (IncludeRatePlans)
        ApiKeyCreated, ApiKeyRotated, ApiKeyRevoked, QuotaWarning, QuotaExhausted, WebhookPing,
#else
        ApiKeyCreated, ApiKeyRotated, ApiKeyRevoked, WebhookPing,
#endif
    ];

    public static bool IsKnown(string type) => Subscribable.Contains(type, StringComparer.Ordinal);
}
