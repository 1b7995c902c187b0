using System.Collections.Concurrent;
using System.Linq.Expressions;
using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;

namespace QuoinApi.Application.Common.Paging;

/// <summary>
/// A list's page queries, compiled once per shape (<c>EF.CompileAsyncQuery</c>): which filters, which lifted query
/// filters, which sort, with or without a page token. EF Core then skips building, parameterising and looking up the
/// LINQ query on every request, about a seventh of a list page's CPU (docs/benchmarks.md). The number of shapes is
/// bounded by the filters and sort fields a list allows. Keep one instance per list, in a static field of its handler.
/// A compiled query takes its values as plain parameters (EF Core translates a parameter, not a member of one), so
/// each filter value the shape reads, each page-token key and the page size become one; a shape that would need more
/// than EF Core's 15 returns null, and its caller runs the ordinary query.
/// </summary>
public sealed class CompiledList<TEntity, TFilter, TDto>(SortableFields<TEntity> fields)
    where TEntity : class
    where TDto : notnull
{
    private const int MaxParameters = 15;

    private readonly ConcurrentDictionary<string, Shape?> _shapes = new(StringComparer.Ordinal);

    public SortableFields<TEntity> Fields => fields;

    internal async Task<List<TDto>?> FetchAsync(
        IReadDbContext db, TypeAdapterConfig mappings, ListShape<TEntity, TFilter> shape, string sortKey,
        List<(SortableFields<TEntity>.Field Field, bool Descending)> keys, TFilter filter, object[] cursor, int take, CancellationToken cancellationToken)
    {
        var key = shape.Key + "|" + sortKey + (cursor.Length > 0 ? "|after" : "|first");
        if (_shapes.GetOrAdd(key, _ => Shape.Compile(mappings, shape, keys, cursor.Length > 0)) is not { } compiled)
        {
            return null;
        }

        var arguments = new object?[compiled.Values.Count + 1];
        for (var i = 0; i < compiled.Values.Count; i++)
        {
            arguments[i + 1] = compiled.Values[i](filter, cursor, take);
        }

        return await db.RunAsync(ReadAllAsync, (compiled.Query, arguments, take), cancellationToken);
    }

    private static async Task<List<TDto>> ReadAllAsync(
        DbContext context, (Func<object?[], IAsyncEnumerable<TDto>> Query, object?[] Arguments, int Take) call, CancellationToken cancellationToken)
    {
        call.Arguments[0] = context;
        var rows = call.Query(call.Arguments);
        var page = new List<TDto>(call.Take);
        await foreach (var item in rows.WithCancellation(cancellationToken))
        {
            page.Add(item);
        }

        return page;
    }

    /// <summary>
    /// A compiled query (called through a typed invoker built with it, not <c>DynamicInvoke</c>'s reflection) and, per
    /// parameter after the context, how to read its value from the request.
    /// </summary>
    private sealed record Shape(Func<object?[], IAsyncEnumerable<TDto>> Query, IReadOnlyList<Func<TFilter, object[], int, object?>> Values)
    {
        public static Shape? Compile(
            TypeAdapterConfig mappings, ListShape<TEntity, TFilter> shape, List<(SortableFields<TEntity>.Field Field, bool Descending)> keys, bool afterCursor)
        {
            var context = Expression.Parameter(typeof(DbContext), "db");
            var parameters = new List<ParameterExpression> { context };
            var values = new List<Func<TFilter, object[], int, object?>>();
            var members = new Dictionary<System.Reflection.MemberInfo, ParameterExpression>();

            Expression FilterValue(MemberExpression member)
            {
                if (!members.TryGetValue(member.Member, out var parameter))
                {
                    parameter = Expression.Parameter(member.Type, member.Member.Name);
                    members.Add(member.Member, parameter);
                    parameters.Add(parameter);
                    var instance = Expression.Parameter(typeof(TFilter), "filter");
                    var read = Expression.Lambda<Func<TFilter, object?>>(
                        Expression.Convert(Expression.MakeMemberAccess(instance, member.Member), typeof(object)), instance).Compile();
                    values.Add((filter, _, _) => read(filter));
                }

                return parameter;
            }

            Expression rows = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(TEntity)],
                Expression.Call(context, nameof(DbContext.Set), [typeof(TEntity)]));
            rows = shape.ApplyTo(rows, FilterValue);
            if (afterCursor)
            {
                var cursorKeys = new Dictionary<int, ParameterExpression>();
                rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], rows,
                    Expression.Quote(KeysetPager.SeekPredicate<TEntity>(keys, (i, type) =>
                    {
                        // The seek predicate reads each key several times: one parameter each.
                        if (!cursorKeys.TryGetValue(i, out var parameter))
                        {
                            parameter = Expression.Parameter(type, "key" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                            cursorKeys.Add(i, parameter);
                            parameters.Add(parameter);
                            values.Add((_, cursor, _) => cursor[i]);
                        }

                        return parameter;
                    })));
            }

            var take = Expression.Parameter(typeof(int), "take");
            parameters.Add(take);
            values.Add((_, _, count) => count);
            if (parameters.Count - 1 > MaxParameters)
            {
                return null;
            }

            rows = KeysetPager.OrderBy<TEntity>(rows, keys);
            rows = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(TEntity)], rows, take);
            var projected = Expression.Call(QueryableMethods.Get(nameof(Queryable.Select), typeof(TEntity), typeof(TDto)), rows,
                Expression.Quote(QueryProjections.For<TDto>(mappings, typeof(TEntity))));

            // EF.CompileAsyncQuery<TContext, T1, ..., Tn, TResult>(Expression<Func<TContext, T1, ..., Tn, IQueryable<TResult>>>)
            var lambda = Expression.Lambda(projected, parameters);
            var compile = typeof(EF).GetMethods()
                .Single(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetGenericArguments().Length == parameters.Count + 1
                             && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
                             && result.GetGenericTypeDefinition() == typeof(IQueryable<>))
                .MakeGenericMethod([.. parameters.Select(p => p.Type), typeof(TDto)]);
            var query = (Delegate)compile.Invoke(null, [lambda])!;

            // arguments => query((DbContext)arguments[0], (T1)arguments[1], ...)
            var arguments = Expression.Parameter(typeof(object?[]), "arguments");
            var invoke = Expression.Invoke(Expression.Constant(query),
                parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.Type)));
            var invoker = Expression.Lambda<Func<object?[], IAsyncEnumerable<TDto>>>(invoke, arguments).Compile();
            return new Shape(invoker, values);
        }
    }
}
