using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.RotateWebhookSecret;

public sealed record RotateWebhookSecretCommand(Guid Id, int? GracePeriodSeconds) : ICommand<WebhookSecretDto>;
