using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>Raised when the editable state of an_item_phrase is replaced. Internal until PublicEvents describes it (then the outbox publishes it).</summary>
public sealed record ModuleNameUpdated(Guid ModuleNameId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
