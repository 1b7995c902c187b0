using QuoinApi.Application.ApiKeys;

namespace QuoinApi.Api.Contracts.V1;

/// <summary><c>GET /api-keys/{id}/usage</c>: one item per day with traffic, oldest first.</summary>
public sealed record ApiKeyUsageResponse(IReadOnlyList<ApiKeyUsageDto> Items);
