using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>A key was issued (at creation, or as the replacement in a rotation). Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ApiKeyCreated(Guid ApiKeyId, Guid? TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
