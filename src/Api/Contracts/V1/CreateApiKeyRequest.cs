namespace QuoinApi.Api.Contracts.V1;

/// <summary>The body of POST /api-keys (the same in v1 and v2).</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind;
// unknown members are rejected by the JSON options.
public sealed record CreateApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);
