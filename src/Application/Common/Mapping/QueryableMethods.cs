using System.Collections.Concurrent;
using System.Reflection;

namespace QuoinApi.Application.Common.Mapping;

/// <summary>
/// Closed <see cref="Queryable"/> methods (<c>Select</c>, <c>OrderBy</c>, <c>ThenByDescending</c>, ...) for expression
/// trees built at run time, looked up once: <c>Expression.Call(typeof(Queryable), name, ...)</c> searches every
/// method of <see cref="Queryable"/> by reflection on each call, a measurable share of a request's allocations.
/// </summary>
public static class QueryableMethods
{
    private static readonly ConcurrentDictionary<(string Name, Type Source, Type Result), MethodInfo> Cache = new();

    /// <summary>The overload <c>name&lt;source, result&gt;(IQueryable&lt;source&gt;, Expression&lt;Func&lt;source, result&gt;&gt;)</c>.</summary>
    public static MethodInfo Get(string name, Type source, Type result) =>
        Cache.GetOrAdd((name, source, result), static key => typeof(Queryable).GetMethods()
            .Single(m => m.Name == key.Name && m.GetGenericArguments().Length == 2 && m.GetParameters().Length == 2
                         && m.GetParameters()[1].ParameterType.GetGenericArguments()[0].GetGenericArguments().Length == 2)
            .MakeGenericMethod(key.Source, key.Result));
}
