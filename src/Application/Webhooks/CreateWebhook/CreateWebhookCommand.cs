using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.CreateWebhook;

public sealed record CreateWebhookCommand(string Url, IReadOnlyList<string> Events, string? Description) : ICommand<WebhookCreatedDto>;
