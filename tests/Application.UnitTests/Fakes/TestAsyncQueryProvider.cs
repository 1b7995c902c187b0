using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Query;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// LINQ to Objects behind EF Core's <see cref="IAsyncQueryProvider"/>, so that FirstOrDefaultAsync, ToListAsync and
/// Mapster's ProjectToType run against in-memory lists. The async operators simply complete synchronously.
/// </summary>
internal sealed class TestAsyncQueryProvider(IQueryProvider inner) : IAsyncQueryProvider
{
    private static readonly MethodInfo ExecuteGeneric =
        typeof(IQueryProvider).GetMethod(nameof(IQueryProvider.Execute), 1, [typeof(Expression)])!;

    private static readonly MethodInfo TaskFromResult = typeof(Task).GetMethod(nameof(Task.FromResult))!;

    public IQueryable CreateQuery(Expression expression)
    {
        var elementType = expression.Type.GetInterfaces().Append(expression.Type)
            .Single(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .GetGenericArguments()[0];
        return (IQueryable)Activator.CreateInstance(typeof(TestAsyncEnumerable<>).MakeGenericType(elementType), expression)!;
    }

    public IQueryable<TElement> CreateQuery<TElement>(Expression expression) => new TestAsyncEnumerable<TElement>(expression);

    public object? Execute(Expression expression) => inner.Execute(expression);

    public TResult Execute<TResult>(Expression expression) => inner.Execute<TResult>(expression);

    /// <summary>EF Core asks for a <c>Task&lt;T&gt;</c> holding the result of the equivalent synchronous operator.</summary>
    public TResult ExecuteAsync<TResult>(Expression expression, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var resultType = typeof(TResult).GetGenericArguments()[0];
        var value = ExecuteGeneric.MakeGenericMethod(resultType).Invoke(inner, [expression]);
        return (TResult)TaskFromResult.MakeGenericMethod(resultType).Invoke(null, [value])!;
    }
}

/// <summary>An <see cref="EnumerableQuery{T}"/> that is also an <see cref="IAsyncEnumerable{T}"/> with an async-capable provider.</summary>
internal sealed class TestAsyncEnumerable<T> : EnumerableQuery<T>, IAsyncEnumerable<T>, IQueryable<T>
{
    public TestAsyncEnumerable(IEnumerable<T> rows)
        : base(rows)
    {
    }

    public TestAsyncEnumerable(Expression expression)
        : base(expression)
    {
    }

    IQueryProvider IQueryable.Provider => new TestAsyncQueryProvider(this);

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new TestAsyncEnumerator<T>(this.AsEnumerable().GetEnumerator());
}

internal sealed class TestAsyncEnumerator<T>(IEnumerator<T> inner) : IAsyncEnumerator<T>
{
    public T Current => inner.Current;

    public ValueTask<bool> MoveNextAsync() => ValueTask.FromResult(inner.MoveNext());

    public ValueTask DisposeAsync()
    {
        inner.Dispose();
        return ValueTask.CompletedTask;
    }
}
