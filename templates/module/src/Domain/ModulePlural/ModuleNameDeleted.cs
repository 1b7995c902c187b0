using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.ModulePlural;

/// <summary>Raised when an_item_phrase is soft-deleted. Internal unless made a public event (docs/guides/adding-a-module.md).</summary>
public sealed record ModuleNameDeleted(Guid ModuleNameId, Guid TenantId, DateTimeOffset OccurredAt) : IDomainEvent;
