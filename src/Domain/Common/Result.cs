namespace QuoinApi.Domain.Common;

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

#pragma warning disable CA2225 // implicit conversions keep handlers readable: `return key;` / `return Error.NotFound(...)`
    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Error error) => new(error);
#pragma warning restore CA2225
}
