namespace QuoinApi.Api.Contracts.V1;

/// <summary>The body of PUT /tenants/{id}/rate-plan.</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind;
// unknown members are rejected by the JSON options.
public sealed record ChangeRatePlanRequest(RatePlanName? RatePlan);
