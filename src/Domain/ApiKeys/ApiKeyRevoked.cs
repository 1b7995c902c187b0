using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>A key was revoked and stopped working at once. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
public sealed record ApiKeyRevoked(Guid ApiKeyId, Guid? TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
