namespace QuoinApi.Api.Contracts.V2;

/// <summary>A v2 product body.</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind;
// unknown members are rejected by the JSON options.
public sealed record ProductRequestV2(string? Sku, string? Name, string? Description, MoneyV2? Price, IReadOnlyList<string>? Tags);
