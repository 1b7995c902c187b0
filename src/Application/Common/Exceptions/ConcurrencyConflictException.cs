namespace QuoinApi.Application.Common.Exceptions;

/// <summary>The row changed between read and write (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException(Exception innerException)
    : Exception("The resource was changed by another request.", innerException);
