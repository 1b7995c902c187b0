namespace QuoinApi.Application.Common.Exceptions;

/// <summary>A unique index rejected the write (a race the handler's own check could not see). Maps to 409.</summary>
public sealed class UniqueConstraintException(string constraintName, Exception innerException)
    : Exception($"Unique constraint '{constraintName}' was violated.", innerException)
{
    public string ConstraintName { get; } = constraintName;
}

/// <summary>The row changed between read and write (optimistic concurrency). Maps to 412 or 409.</summary>
public sealed class ConcurrencyConflictException(Exception innerException)
    : Exception("The resource was changed by another request.", innerException);
