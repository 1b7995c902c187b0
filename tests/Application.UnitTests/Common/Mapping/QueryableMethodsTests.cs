using QuoinApi.Application.Common.Mapping;

namespace QuoinApi.Application.UnitTests.Common.Mapping;

public sealed class QueryableMethodsTests
{
    [TestCase(nameof(Queryable.Select))]
    [TestCase(nameof(Queryable.OrderBy))]
    [TestCase(nameof(Queryable.OrderByDescending))]
    [TestCase(nameof(Queryable.ThenBy))]
    [TestCase(nameof(Queryable.ThenByDescending))]
    public void Finds_the_expression_overload_closed_over_both_types(string name)
    {
        var method = QueryableMethods.Get(name, typeof(string), typeof(int));

        Assert.That(method.Name, Is.EqualTo(name));
        Assert.That(method.GetGenericArguments(), Is.EqualTo(new[] { typeof(string), typeof(int) }));
        Assert.That(method.GetParameters()[1].ParameterType.GetGenericArguments()[0], Is.EqualTo(typeof(Func<string, int>)));
        Assert.That(QueryableMethods.Get(name, typeof(string), typeof(int)), Is.SameAs(method), "looked up once");
    }
}
