using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>A key was revoked and stopped working at once. Raised, not yet dispatched (see <see cref="IDomainEvent"/>).</summary>
public sealed record ApiKeyRevoked(Guid ApiKeyId, Guid? TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
