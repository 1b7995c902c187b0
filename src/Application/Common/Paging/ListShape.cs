using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace QuoinApi.Application.Common.Paging;

/// <summary>
/// Which filters a request uses (and which of the context's query filters it lifts, such as soft delete for
/// <c>includeDeleted</c>): with the sort and whether a page token is given, the shape of its query.
/// </summary>
public sealed class ListShape<TEntity, TFilter>
    where TEntity : class
{
    private readonly List<ListFilter<TEntity, TFilter>> _filters = [];
    private readonly List<string> _liftedQueryFilters = [];

    public ListShape<TEntity, TFilter> Where(bool used, ListFilter<TEntity, TFilter> filter)
    {
        if (used)
        {
            _filters.Add(filter);
        }

        return this;
    }

    public ListShape<TEntity, TFilter> Lifting(bool lifted, string queryFilter)
    {
        if (lifted)
        {
            _liftedQueryFilters.Add(queryFilter);
        }

        return this;
    }

    /// <summary>The shape's text, the key of its compiled query.</summary>
    internal string Key => string.Join(',', _liftedQueryFilters.Select(f => "!" + f).Concat(_filters.Select(f => f.Name)));

    /// <summary>The filtered rows as an ordinary query on <paramref name="rows"/> (values sent as parameters), for what is not compiled.</summary>
    public IQueryable<TEntity> Apply(IQueryable<TEntity> rows, TFilter filter)
    {
        var values = Expression.Constant(filter, typeof(TFilter)); // a member of a constant: EF Core sends it as a parameter
        return rows.Provider.CreateQuery<TEntity>(ApplyTo(rows.Expression, member => Expression.MakeMemberAccess(values, member.Member)));
    }

    /// <summary>The filtered rows as an expression on <paramref name="rows"/>, each member of the filter values read through <paramref name="value"/>.</summary>
    internal Expression ApplyTo(Expression rows, Func<MemberExpression, Expression> value)
    {
        if (_liftedQueryFilters.Count > 0)
        {
            rows = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters),
                [typeof(TEntity)], rows, Expression.Constant(_liftedQueryFilters.ToArray(), typeof(IReadOnlyCollection<string>)));
        }

        foreach (var item in _filters)
        {
            var body = new MemberSubstitute(item.Predicate.Parameters[1], value).Visit(item.Predicate.Body)!;
            rows = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], rows,
                Expression.Quote(Expression.Lambda<Func<TEntity, bool>>(body, item.Predicate.Parameters[0])));
        }

        return rows;
    }

    private sealed class MemberSubstitute(ParameterExpression values, Func<MemberExpression, Expression> value) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == values ? value(node) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == values ? throw new NotSupportedException("A list filter reads members of its filter values, not the values themselves.") : node;
    }
}
