namespace QuoinApi.Application.Events;

/// <summary>What a domain event becomes in the event log: its public type, its tenant and its <c>data</c>.</summary>
public sealed record PublicEvent(Guid TenantId, string Type, object Data, DateTimeOffset OccurredAt);
