namespace QuoinApi.Application.Common.Exceptions;

/// <summary>A unique index rejected the write (a race the handler's own check could not see).</summary>
public sealed class UniqueConstraintException(string constraintName, Exception innerException)
    : Exception($"Unique constraint '{constraintName}' was violated.", innerException)
{
    public string ConstraintName { get; } = constraintName;
}
