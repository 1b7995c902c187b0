using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>Raised when an_item_phrase is soft-deleted. Internal until PublicEvents describes it (then the outbox publishes it).</summary>
public sealed record ModuleNameDeleted(Guid ModuleNameId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
