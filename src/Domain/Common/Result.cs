namespace QuoinApi.Domain.Common;

/// <summary>The kinds of expected failure; the API maps each to one HTTP status in one place.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    PreconditionFailed,
    PreconditionRequired,
    Unprocessable,
}

/// <summary>An expected failure: a value, not an exception.</summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>Validation failures by camelCase member path.</summary>
    public IReadOnlyDictionary<string, string[]>? ValidationErrors { get; init; }

    public static Error NotFound(string resource) =>
        new(ErrorKind.NotFound, $"{resource}.not_found", $"The {resource} was not found.");

    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    public static Error PreconditionFailed(string resource) => new(
        ErrorKind.PreconditionFailed, $"{resource}.precondition_failed", $"The {resource} has changed: If-Match does not match its current ETag.");

    public static Error Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, "validation_failed", "One or more validation errors occurred.") { ValidationErrors = errors };

    public static Error Validation(string member, string message) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [member] = [message] });
}

/// <summary>Marker for "no value": the success of a command that returns nothing.</summary>
public readonly record struct Success
{
    public static readonly Success Value;
}

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

/// <summary>Success with a value, or an <see cref="Common.Error"/>.</summary>
public sealed class Result<T> : IResult<Result<T>>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        IsSuccess = true;
    }

    private Result(Error error) => Error = error;

    public bool IsSuccess { get; }

    public Error? Error { get; }

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Ok(T value) => new(value);

    public static Result<T> Failure(Error error) => new(error);

    public static Type ValueType => typeof(T);

    public static Result<T> FromValue(object value) => new((T)value);

    public object? BoxedValue => IsSuccess ? _value : null;

#pragma warning disable CA2225 // implicit conversions keep handlers readable: `return product;` / `return Error.NotFound(...)`
    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
#pragma warning restore CA2225

    public TOut Match<TOut>(Func<T, TOut> onSuccess, Func<Error, TOut> onFailure) =>
        IsSuccess ? onSuccess(_value!) : onFailure(Error!);
}
