namespace QuoinApi.Api.Contracts.V1;

/// <summary>A v1 product body: the price is a decimal in major units.</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind;
// unknown members are rejected by the JSON options.
public sealed record ProductRequestV1(
    string? Sku, string? Name, string? Description, decimal? Price, string? Currency, IReadOnlyList<string>? Tags);
