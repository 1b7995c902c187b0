namespace QuoinApi.Api.Contracts.V1;

/// <summary>The optional body of POST /api-keys/{id}/rotate.</summary>
public sealed record RotateApiKeyRequest(int? GracePeriodSeconds);
