using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.Events;

/// <summary>An API key in an event's <c>data</c>: what <c>GET /api-keys/{id}</c> shows, never the secret or its hash.</summary>
public sealed record ApiKeyEventData(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    Guid? ReplacedByKeyId,
    DateTimeOffset? GraceEndsAt)
{
    public static ApiKeyEventData From(ApiKey key) => new(
        key.Id, key.Name, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.ReplacedByKeyId, key.GraceEndsAt);
}
