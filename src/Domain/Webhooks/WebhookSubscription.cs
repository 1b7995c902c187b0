using QuoinApi.Domain.Common;
using QuoinApi.Domain.Events;

namespace QuoinApi.Domain.Webhooks;

/// <summary>
/// A tenant's webhook endpoint: where events of the chosen types are POSTed, signed with the subscription's secret.
/// After a secret rotation the previous secret keeps signing (beside the new one) until its grace period ends.
/// </summary>
public sealed class WebhookSubscription : Entity, ITenantOwned, ISoftDeletable, IAuditable
{
    public const int UrlMaxLength = 2048;
    public const int DescriptionMaxLength = 500;
    public const int MaxEventTypes = 20;
    public static readonly TimeSpan DefaultRotationGrace = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRotationGrace = TimeSpan.FromDays(7);

    // For EF Core materialisation.
    private WebhookSubscription()
    {
        Url = Secret = string.Empty;
        Events = [];
    }

    private WebhookSubscription(Guid tenantId, string url, string[] events, string? description, string secret)
    {
        TenantId = tenantId;
        Url = url;
        Events = events;
        Description = description;
        Secret = secret;
        Enabled = true;
    }

    public Guid TenantId { get; private set; }

    Guid? ITenantOwned.TenantId => TenantId;

    public string Url { get; private set; }

    /// <summary>The event types delivered here.</summary>
    public string[] Events { get; private set; }

    public string? Description { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>Why the subscription was disabled by the system (a receiver answered 410), if it was.</summary>
    public string? DisabledReason { get; private set; }

    public string Secret { get; private set; }

    public string? PreviousSecret { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    /// <summary>A new, enabled subscription with a fresh secret (the caller shows it once).</summary>
    public static WebhookSubscription Create(Guid tenantId, string url, IEnumerable<string> events, string? description, DateTimeOffset now)
    {
        var subscription = new WebhookSubscription(tenantId, url, Normalize(events), description, WebhookSecret.Generate());
        subscription.RecordCreated(now);
        return subscription;
    }

    public void Change(string? url, IEnumerable<string>? events, bool? enabled, string? description, DateTimeOffset now)
    {
        this.RecordChanged(now);
        Url = url ?? Url;
        Events = events is null ? Events : Normalize(events);
        Description = description ?? Description;
        if (enabled is { } on)
        {
            Enabled = on;
            DisabledReason = on ? null : DisabledReason;
        }
    }

    /// <summary>Replaces the secret; the old one keeps signing until <paramref name="now"/> + <paramref name="grace"/>.</summary>
    public string RotateSecret(TimeSpan grace, DateTimeOffset now)
    {
        if (grace < TimeSpan.Zero || grace > MaxRotationGrace)
        {
            throw new ArgumentOutOfRangeException(nameof(grace), grace, "The grace period is 0 to 7 days.");
        }

        this.RecordChanged(now);
        PreviousSecret = grace > TimeSpan.Zero ? Secret : null;
        PreviousSecretExpiresAt = grace > TimeSpan.Zero ? now + grace : null;
        Secret = WebhookSecret.Generate();
        return Secret;
    }

    /// <summary>The secrets that sign a delivery made at <paramref name="now"/>: the current one, then the previous one in its grace period.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];

    /// <summary>Whether an event of this type goes to this subscription (a ping always does).</summary>
    public bool Accepts(string eventType) =>
        Enabled && DeletedAt is null && (eventType == EventTypes.WebhookPing || Events.Contains(eventType, StringComparer.Ordinal));

    /// <summary>The receiver answered 410 Gone: it asked not to be called again.</summary>
    public void DisableBecauseGone()
    {
        Enabled = false;
        DisabledReason = "gone";
    }

    public void Delete(DateTimeOffset now)
    {
        if (DeletedAt is null)
        {
            DeletedAt = now;
            this.RecordChanged(now);
        }
    }

    private static string[] Normalize(IEnumerable<string> events) => [.. events.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
