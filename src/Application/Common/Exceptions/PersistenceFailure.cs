namespace QuoinApi.Application.Common.Exceptions;

/// <summary>
/// Why the store refused or could not run a request, in terms the caller can act on. The store's own error codes are
/// translated into these by Infrastructure (<see cref="Abstractions.IPersistenceExceptionTranslator"/>), so the layers
/// above never read a driver's exception.
/// </summary>
public enum PersistenceFailure
{
    /// <summary>A unique value is already held by another row (a race the handler's own check could not see).</summary>
    UniqueValueTaken,

    /// <summary>The write refers to a row that does not exist (a foreign key found nothing).</summary>
    ReferencedRowMissing,

    /// <summary>A text value the store cannot hold (the NUL character or invalid UTF-8).</summary>
    TextNotStorable,

    /// <summary>The row changed between read and write (optimistic concurrency).</summary>
    ConcurrentChange,

    /// <summary>The store could not be reached or did not answer in time; a retry later may succeed.</summary>
    StoreUnavailable,
}
