namespace QuoinApi.Api.Contracts.V1;

#if (IncludeRatePlans)
/// <summary>The body of POST /tenants (the same in v1 and v2). A missing plan is <c>free</c>.</summary>
#else
/// <summary>The body of POST /tenants (the same in v1 and v2).</summary>
#endif
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind;
// unknown members are rejected by the JSON options.
#if (IncludeRatePlans)
public sealed record CreateTenantRequest(string? Name, RatePlanName? RatePlan);
#else
public sealed record CreateTenantRequest(string? Name);
#endif
