namespace QuoinApi.Domain.Common;

#if (IncludeEvents)
/// <summary>
/// Something that happened to an aggregate, raised by the aggregate and kept in <see cref="Entity.DomainEvents"/> until
/// the save that writes the change, which turns the public ones into outbox rows in the same transaction; the relay
/// publishes them after the commit (docs/adr/0040-transactional-outbox-and-commit-ordered-relay.md).
/// </summary>
#else
/// <summary>
/// Something that happened to an aggregate, raised by the aggregate and kept in <see cref="Entity.DomainEvents"/>. This
/// service publishes none of them: they record what a change did, for the domain's own tests and for
/// a handler that may read them before the save.
/// </summary>
#endif
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
