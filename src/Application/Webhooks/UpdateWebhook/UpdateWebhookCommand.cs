using QuoinApi.Application.Common.Messaging;

namespace QuoinApi.Application.Webhooks.UpdateWebhook;

/// <summary>A partial update: absent (null) members keep their value.</summary>
public sealed record UpdateWebhookCommand(Guid Id, string? Url, IReadOnlyList<string>? Events, bool? Enabled, string? Description) : ICommand<WebhookDto>;
