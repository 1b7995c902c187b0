namespace QuoinApi.Domain.Common;

/// <summary>Implemented by every result so pipeline behaviors can short-circuit with a failure of the right type.</summary>
public interface IResult<TSelf>
    where TSelf : IResult<TSelf>
{
    bool IsSuccess { get; }

    Error? Error { get; }

    static abstract TSelf Failure(Error error);

    /// <summary>The type of the success value, for behaviors that store and replay results (idempotency).</summary>
    static abstract Type ValueType { get; }

    static abstract TSelf FromValue(object value);

    /// <summary>The success value, boxed; null for a failure.</summary>
    object? BoxedValue { get; }
}
