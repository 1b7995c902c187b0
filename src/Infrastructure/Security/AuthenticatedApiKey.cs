namespace QuoinApi.Infrastructure.Security;

/// <summary>What authentication needs to know about a key; cached by secret hash.</summary>
public sealed record AuthenticatedApiKey(Guid Id, Guid? TenantId, string[] Scopes)
{
    internal DateTimeOffset? ExpiresAt { get; init; }

    internal DateTimeOffset? GraceEndsAt { get; init; }

    internal DateTimeOffset? LastUsedAt { get; set; }
}
