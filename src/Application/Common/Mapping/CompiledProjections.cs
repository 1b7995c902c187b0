using System.Linq.Expressions;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace QuoinApi.Application.Common.Mapping;

/// <summary>
/// Queries compiled once with <c>EF.CompileAsyncQuery</c>, for the hottest reads: EF Core then skips parameter
/// extraction and the query-cache lookup on every call (about a tenth of a GET's CPU and an eighth of its allocations).
/// The context's query filters (tenant, soft delete) still apply. <see cref="Abstractions.IReadDbContext.RunAsync"/>
/// runs them.
/// </summary>
public static class CompiledProjections
{
    /// <summary>
    /// "The first <typeparamref name="TEntity"/> matching <paramref name="predicate"/>, projected to
    /// <typeparamref name="TDto"/> with its mapping in <paramref name="mappings"/>", compiled once.
    /// </summary>
    public static Func<DbContext, TArg, CancellationToken, Task<TDto?>> FirstOrDefault<TEntity, TArg, TDto>(
        TypeAdapterConfig mappings, Expression<Func<TEntity, TArg, bool>> predicate)
        where TEntity : class
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        var argument = Expression.Parameter(typeof(TArg), "argument");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");

        var rows = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(TEntity)],
            Expression.Call(context, nameof(DbContext.Set), [typeof(TEntity)]));
        var row = predicate.Parameters[0];
        var filter = Expression.Lambda<Func<TEntity, bool>>(new Substitute(predicate.Parameters[1], argument).Visit(predicate.Body)!, row);
        var matching = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(TEntity)], rows, Expression.Quote(filter));
        var projected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(TEntity), typeof(TDto)],
            matching, Expression.Quote(QueryProjections.For<TDto>(mappings, typeof(TEntity))));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TDto)], projected);

        return EF.CompileAsyncQuery(Expression.Lambda<Func<DbContext, TArg, CancellationToken, TDto?>>(first, context, argument, cancellation));
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
