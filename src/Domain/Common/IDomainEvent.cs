namespace QuoinApi.Domain.Common;

/// <summary>Something that happened to an aggregate. Dispatched only after the transaction that raised it commits.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
