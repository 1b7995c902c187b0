namespace QuoinApi.Api.Contracts.V1;

/// <summary><c>GET /rate-plans</c>: every plan, free first.</summary>
public sealed record RatePlanListResponse(IReadOnlyList<RatePlanResponse> Items);
