using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>Raised when an_item_phrase is created. Internal until PublicEvents describes it (then the outbox publishes it).</summary>
public sealed record ModuleNameCreated(Guid ModuleNameId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
