using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

#if (IncludeEvents)
/// <summary>A key was revoked and stopped working at once. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A key was revoked and stopped working at once. Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ApiKeyRevoked(Guid ApiKeyId, Guid? TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
