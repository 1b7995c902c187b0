using System.Collections.Concurrent;
using System.Linq.Expressions;
using Mapster;
using Mapster.Models;

namespace QuoinApi.Application.Common.Mapping;

/// <summary>
/// Mapster's projections, prepared once for EF Core. Mapster guards every member with a null check on the source and a
/// <c>default(T)</c> fallback; EF Core's parameter extraction evaluates each <c>default(T)</c> again on every execution
/// (about a tenth of a GET's CPU under load). Rows are never null, so the guards are dropped and the defaults become
/// constants, once per mapping; the SQL is the same.
/// </summary>
public static class QueryProjections
{
    private static readonly ConcurrentDictionary<(TypeAdapterConfig, Type, Type), LambdaExpression> Cache = new();

    /// <summary>Projects to <typeparamref name="TDto"/> with the mapping registered in <paramref name="mappings"/>.</summary>
    public static IQueryable<TDto> ProjectToDto<TDto>(this IQueryable source, TypeAdapterConfig mappings) =>
        source.Provider.CreateQuery<TDto>(Expression.Call(
            QueryableMethods.Get(nameof(Queryable.Select), source.ElementType, typeof(TDto)), source.Expression,
            Expression.Quote(For<TDto>(mappings, source.ElementType))));

    /// <summary>The prepared projection from <paramref name="sourceType"/> to <typeparamref name="TDto"/>.</summary>
    public static LambdaExpression For<TDto>(TypeAdapterConfig mappings, Type sourceType) =>
        Cache.GetOrAdd((mappings, sourceType, typeof(TDto)), static key =>
            Simplify(key.Item1.CreateMapExpression(new TypeTuple(key.Item2, key.Item3), MapType.Projection)));

    internal static LambdaExpression Simplify(LambdaExpression projection) =>
        (LambdaExpression)new RowGuardRemover(projection.Parameters[0]).Visit(projection);

    /// <summary>
    /// Replaces <c>row != null</c> with true, folds the conditionals that leaves (and <c>x != null ? x : null</c>), and
    /// turns defaults into constants.
    /// </summary>
    private sealed class RowGuardRemover(ParameterExpression row) : ExpressionVisitor
    {
        protected override Expression VisitDefault(DefaultExpression node) =>
            Expression.Constant(node.Type.IsValueType && node.Type != typeof(void) ? Activator.CreateInstance(node.Type) : null, node.Type);

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType == ExpressionType.NotEqual && node.Left == row && node.Right is ConstantExpression { Value: null })
            {
                return Expression.Constant(true);
            }

            var visited = base.VisitBinary(node);
            if (visited is BinaryExpression { NodeType: ExpressionType.AndAlso, Left: ConstantExpression { Value: true } } both)
            {
                return both.Right;
            }

            return visited;
        }

        protected override Expression VisitConditional(ConditionalExpression node)
        {
            var test = Visit(node.Test);
            if (test is ConstantExpression { Value: bool always })
            {
                return Visit(always ? node.IfTrue : node.IfFalse);
            }

            var ifTrue = Visit(node.IfTrue);
            var ifFalse = Visit(node.IfFalse);

            // x != null ? x : null is x.
            return test is BinaryExpression { NodeType: ExpressionType.NotEqual, Left: MemberExpression checkedMember, Right: ConstantExpression { Value: null } }
                   && ifTrue is MemberExpression member && member.Member == checkedMember.Member && member.Expression == checkedMember.Expression
                   && ifFalse is ConstantExpression { Value: null }
                ? ifTrue
                : node.Update(test, ifTrue, ifFalse);
        }
    }
}
