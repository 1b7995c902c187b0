using System.Linq.Expressions;

namespace QuoinApi.Application.Common.Paging;

/// <summary>One filter of a list, as a predicate over the row and the request's filter values.</summary>
public sealed record ListFilter<TEntity, TFilter>(string Name, Expression<Func<TEntity, TFilter, bool>> Predicate);
