using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ApiKeys;

#if (IncludeEvents)
/// <summary>A key was replaced; it keeps working until <c>GraceEndsAt</c>. Published as a public event through the outbox (see <see cref="IDomainEvent"/>).</summary>
#else
/// <summary>A key was replaced; it keeps working until <c>GraceEndsAt</c>. Raised, not dispatched (see <see cref="IDomainEvent"/>).</summary>
#endif
public sealed record ApiKeyRotated(Guid ApiKeyId, Guid ReplacementKeyId, Guid? TenantId, DateTimeOffset GraceEndsAt, DateTimeOffset OccurredAt) : IDomainEvent;
