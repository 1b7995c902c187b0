namespace QuoinApi.Api.Contracts.V1;

/// <summary>The merge patch of PATCH /webhooks/{id}: absent members keep their value.</summary>
public sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Enabled, string? Description);
