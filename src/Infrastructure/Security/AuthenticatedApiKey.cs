using QuoinApi.Domain.Tenants;
using QuoinApi.Infrastructure.RateLimiting;

namespace QuoinApi.Infrastructure.Security;

/// <summary>What authentication needs to know about a key; cached by secret hash.</summary>
public sealed record AuthenticatedApiKey(Guid Id, Guid? TenantId, string[] Scopes)
{
    internal DateTimeOffset? ExpiresAt { get; init; }

    internal DateTimeOffset? GraceEndsAt { get; init; }

    internal DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>The tenant's plan when the key was loaded; null for platform keys. A plan change evicts the entry.</summary>
    internal RatePlan? Plan { get; init; }

    /// <summary>The budget the key's requests draw from; null for platform keys, which no plan limits.</summary>
    public RateLimitedCaller? Caller => field ??= TenantId is { } tenantId && Plan is { } plan ? new RateLimitedCaller(tenantId, Id, plan) : null;
}
