namespace QuoinApi.Domain.Common;

/// <summary>
/// The kinds of expected failure, in the terms of the use cases. Whoever answers the caller translates each kind in
/// one place (the API: one status code per kind).
/// </summary>
public enum ErrorKind
{
    /// <summary>The request breaks a rule about its own values.</summary>
    Validation,

    /// <summary>The resource does not exist for this caller (unknown, another tenant's, or deleted).</summary>
    NotFound,

    /// <summary>The request clashes with the current state (a unique value in use, a state that does not allow it).</summary>
    Conflict,

    /// <summary>The caller may not do this, whatever the state.</summary>
    Forbidden,

    /// <summary>The request was made against a version of the resource that is no longer the current one.</summary>
    VersionMismatch,

    /// <summary>An idempotency key that already stands for a different request.</summary>
    IdempotencyKeyReused,
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

    public static Error VersionMismatch(string resource) => new(
        ErrorKind.VersionMismatch, $"{resource}.version_mismatch", $"The {resource} has changed since the version the request names.");

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
}
