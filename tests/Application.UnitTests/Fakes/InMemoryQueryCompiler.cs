using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Query.Internal;

// IQueryCompiler, EntityQueryProvider and EntityQueryable are EF Core internals. They are used here, in a test fake
// only, so that EF-only operators build the same expression trees as against PostgreSQL: IgnoreQueryFilters is a no-op
// unless the query's provider is EF Core's EntityQueryProvider.
#pragma warning disable EF1001

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// An in-memory table behind the fake read side: its rows are read when a query runs, and each named query filter
/// (as configured in Infrastructure's QueryFilters) applies unless the query lifts it with IgnoreQueryFilters.
/// </summary>
public sealed class InMemoryTable<T>(Func<IEnumerable<T>> rows, params (string Name, Func<T, bool> Predicate)[] filters)
{
    /// <summary>The rows the query sees, with every filter it did not lift (null: all lifted).</summary>
    internal IQueryable<T> Rows(IReadOnlySet<string>? lifted)
    {
        var applied = lifted is null ? [] : filters.Where(f => !lifted.Contains(f.Name)).ToArray();
        return rows().Where(row => applied.All(f => f.Predicate(row))).AsQueryable();
    }
}

/// <summary>
/// EF Core's own query provider and queryables over LINQ to Objects. A root is an <see cref="EntityQueryable{T}"/> over
/// an <see cref="InMemoryTable{T}"/>; at execution this compiler strips EF Core operators (recording which named
/// filters the query lifts), substitutes the filtered rows for the roots and runs the tree with LINQ to Objects.
/// The async operators (ToListAsync, LongCountAsync, FirstOrDefaultAsync...) complete synchronously.
/// </summary>
public sealed class InMemoryQueryCompiler : IQueryCompiler
{
    private static readonly MethodInfo RootMethod = typeof(InMemoryQueryCompiler).GetMethod(nameof(Root), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ExecuteMethod = typeof(InMemoryQueryCompiler).GetMethod(nameof(Execute))!;
    private static readonly IQueryProvider LinqToObjects = new EnumerableQuery<int>([]);

    private readonly EntityQueryProvider _provider;

    public InMemoryQueryCompiler() => _provider = new EntityQueryProvider(this);

    /// <summary>A query root over the table, as a DbSet would be.</summary>
    public IQueryable<T> Query<T>(InMemoryTable<T> table) =>
        new EntityQueryable<T>(_provider, Expression.Call(RootMethod.MakeGenericMethod(typeof(T)), Expression.Constant(table)));

    public TResult Execute<TResult>(Expression query)
    {
        var rewritten = Rewrite(query);
        if (typeof(TResult).IsGenericType && typeof(TResult).GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return (TResult)Activator.CreateInstance(typeof(EnumerableQuery<>).MakeGenericType(typeof(TResult).GetGenericArguments()[0]), rewritten)!;
        }

        return LinqToObjects.Execute<TResult>(rewritten);
    }

    public TResult ExecuteAsync<TResult>(Expression query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var definition = typeof(TResult).GetGenericTypeDefinition();
        var argument = typeof(TResult).GetGenericArguments()[0];
        if (definition == typeof(IAsyncEnumerable<>))
        {
            var rows = ExecuteMethod.MakeGenericMethod(typeof(IEnumerable<>).MakeGenericType(argument)).Invoke(this, [query]);
            return (TResult)Activator.CreateInstance(typeof(SynchronousAsyncEnumerable<>).MakeGenericType(argument), rows)!;
        }

        if (definition == typeof(Task<>))
        {
            var value = ExecuteMethod.MakeGenericMethod(argument).Invoke(this, [query]);
            return (TResult)typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(argument).Invoke(null, [value])!;
        }

        throw new NotSupportedException($"The in-memory query compiler cannot return {typeof(TResult)} asynchronously.");
    }

    public Func<QueryContext, TResult> CreateCompiledQuery<TResult>(Expression query) =>
        throw new NotSupportedException("Compiled queries are not supported in memory.");

    public Func<QueryContext, TResult> CreateCompiledAsyncQuery<TResult>(Expression query) =>
        throw new NotSupportedException("Compiled queries are not supported in memory.");

    public Expression<Func<QueryContext, TResult>> PrecompileQuery<TResult>(Expression query, bool async) =>
        throw new NotSupportedException("Precompiled queries are not supported in memory.");

    private static Expression Rewrite(Expression query)
    {
        var stripper = new EfOperatorStripper();
        var stripped = stripper.Visit(query);
        return new RootSubstitution(stripper.Lifted).Visit(stripped);
    }

    private static IQueryable<T> Root<T>(InMemoryTable<T> table) =>
        throw new InvalidOperationException($"The root of {typeof(T).Name} is substituted before execution.");

    /// <summary>Removes EF Core's queryable operators (IgnoreQueryFilters, AsNoTracking, TagWith...), noting lifted filters.</summary>
    private sealed class EfOperatorStripper : ExpressionVisitor
    {
        private HashSet<string>? _lifted = new(StringComparer.Ordinal);

        /// <summary>The filters lifted by name; null when a parameterless IgnoreQueryFilters lifted them all.</summary>
        public IReadOnlySet<string>? Lifted => _lifted;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(EntityFrameworkQueryableExtensions))
            {
                return base.VisitMethodCall(node);
            }

            if (node.Method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters))
            {
                if (node.Arguments.Count == 1)
                {
                    _lifted = null;
                }
                else
                {
                    _lifted?.UnionWith((IEnumerable<string>)((ConstantExpression)node.Arguments[1]).Value!);
                }
            }

            return Visit(node.Arguments[0]);
        }
    }

    private sealed class RootSubstitution(IReadOnlySet<string>? lifted) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!node.Method.IsGenericMethod || node.Method.GetGenericMethodDefinition() != RootMethod)
            {
                return base.VisitMethodCall(node);
            }

            var table = ((ConstantExpression)node.Arguments[0]).Value!;
            var rows = table.GetType().GetMethod("Rows", BindingFlags.NonPublic | BindingFlags.Instance)!.Invoke(table, [lifted]);
            return Expression.Constant(rows, node.Type);
        }
    }
}

/// <summary>What EF Core's ToListAsync enumerates: the rows, already in memory.</summary>
internal sealed class SynchronousAsyncEnumerable<T>(IEnumerable<T> rows) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(rows.GetEnumerator(), cancellationToken);

    private sealed class Enumerator(IEnumerator<T> inner, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
