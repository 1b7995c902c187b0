namespace QuoinApi.Api.Contracts.V1;

/// <summary>The body of POST /webhooks (the same in v1 and v2). The server generates the secret: a <c>secret</c> member is a 400.</summary>
// Members are nullable so that a missing member reaches validation (400 with `errors`) instead of failing to bind.
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Description);
