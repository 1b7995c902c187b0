namespace QuoinApi.Api.Contracts.V1;

/// <summary>The body of POST and PUT /module-plural (the same in v1 and v2).</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind.
public sealed record ModuleNameRequest(string? Name);
