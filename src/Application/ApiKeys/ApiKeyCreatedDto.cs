using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys;

/// <summary>A newly issued key: the only response that ever carries the secret.</summary>
public sealed record ApiKeyCreatedDto(
    Guid Id, string Name, string Key, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
    : IContainsSecret
{
    public static ApiKeyCreatedDto From(ApiKey key, ApiKeySecret secret) =>
        new(key.Id, key.Name, secret.Value, key.Prefix, key.Scopes, key.CreatedAt, key.ExpiresAt);
}
