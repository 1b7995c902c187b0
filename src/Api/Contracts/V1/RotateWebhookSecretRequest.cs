namespace QuoinApi.Api.Contracts.V1;

/// <summary>The optional body of POST /webhooks/{id}/rotate-secret (default grace period 86400 s, at most 604800 s).</summary>
public sealed record RotateWebhookSecretRequest(int? GracePeriodSeconds);
