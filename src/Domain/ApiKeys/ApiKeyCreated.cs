using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

#if (IncludeEvents)
/// <summary>A key was issued (at creation, or as the replacement in a rotation). Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A key was issued (at creation, or as the replacement in a rotation). Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ApiKeyCreated(Guid ApiKeyId, Guid? TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
