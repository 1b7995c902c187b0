using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.Webhooks;

/// <summary>A rotated subscription's new secret (shown once) and when the previous one stops signing.</summary>
public sealed record WebhookSecretDto(Guid Id, string Secret, DateTimeOffset? PreviousSecretExpiresAt) : IContainsSecret;
