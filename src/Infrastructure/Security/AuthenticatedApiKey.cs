using System.ComponentModel;
using System.Text.Json.Serialization;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
using QuoinApi.Infrastructure.RateLimiting;
#endif

namespace QuoinApi.Infrastructure.Security;

/// <summary>
/// What authentication needs to know about a key; cached by secret hash in both cache levels (so it serialises), and
/// never changed once built (so the first level hands out the same instance instead of a copy per request). A key
/// that matches nothing is cached too, as <see cref="IsUnknown"/> with its own deadline in <see cref="ExpiresAt"/>.
/// </summary>
[ImmutableObject(true)]
public sealed record AuthenticatedApiKey(Guid Id, Guid? TenantId, string[] Scopes)
{
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? GraceEndsAt { get; init; }

    /// <summary>When the key was last recorded as used, as loaded; later uses are tracked by the authenticator.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

#if (IncludeRatePlans)
    /// <summary>The tenant's plan when the key was loaded; null for platform keys. A plan change evicts the entry.</summary>
    public RatePlan? Plan { get; init; }
#endif

    /// <summary>The cached answer for a well-formed key that matches no live key.</summary>
    [JsonIgnore]
    public bool IsUnknown => Id == Guid.Empty;

#if (IncludeRatePlans)
    /// <summary>The budget the key's requests draw from; null for platform keys, which no plan limits.</summary>
    [JsonIgnore]
    public RateLimitedCaller? Caller => field ??= TenantId is { } tenantId && Plan is { } plan ? new RateLimitedCaller(tenantId, Id, plan) : null;
#endif

    internal static AuthenticatedApiKey Unknown(DateTimeOffset until) => new(Guid.Empty, null, []) { ExpiresAt = until };
}
