using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>Raised when the editable state of an_item_phrase is replaced. Internal unless made a public event (docs/guides/adding-a-module.md).</summary>
public sealed record ModuleNameUpdated(Guid ModuleNameId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
