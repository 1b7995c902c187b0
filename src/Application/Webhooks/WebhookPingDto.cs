namespace QuoinApi.Application.Webhooks;

/// <summary>An accepted ping: the id of the <c>webhook.ping</c> event, which the receiver sees as <c>webhook-id</c>.</summary>
public sealed record WebhookPingDto(Guid EventId);
