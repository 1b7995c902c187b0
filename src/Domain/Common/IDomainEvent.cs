namespace QuoinApi.Domain.Common;

/// <summary>
/// Something that happened to an aggregate, raised by the aggregate and kept in <see cref="Entity.DomainEvents"/> until
/// the save that writes the change, which turns the public ones into outbox rows in the same transaction; the relay
/// publishes them after the commit (docs/adr/0040-transactional-outbox-and-commit-ordered-relay.md).
/// </summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
