using Mapster;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Application.ApiKeys;

/// <summary>A key as listed and read: never the secret or its hash.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    Guid? ReplacedByKeyId,
    DateTimeOffset? GraceEndsAt);

internal sealed class ApiKeyMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<ApiKey, ApiKeyDto>();
}
