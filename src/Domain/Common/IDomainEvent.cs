namespace QuoinApi.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, raised by the aggregate and kept in <see cref="Entity.DomainEvents"/>.
/// Nothing dispatches these yet: they are recorded, not published (publishing them after commit, through an outbox,
/// comes with the events and webhooks work; see docs/architecture.md, "Not yet").
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
