using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Paging;

/// <summary>
/// Keyset ("seek") pagination for every list: pages cost the same at page 1 and page 1000 because the cursor is a
/// WHERE on indexed sort keys, never an OFFSET. The cursor travels as an opaque, signed page token bound to the
/// query it was minted for (resource, tenant, filters and sort): a forged, altered or foreign token is a validation error on <c>pageToken</c>.
/// </summary>
public sealed class KeysetPager(IPageTokenProtector protector)
{
    public static readonly Error InvalidPageToken =
        Error.Validation("pageToken", "The page token is invalid, or was issued for another query, sort or tenant.");

    /// <summary>Reads one page. <paramref name="query"/> is already filtered (tenant and soft-delete filters apply
    /// too); <paramref name="binding"/> is everything the token is bound to besides the sort: resource, tenant, filters.</summary>
    public Task<Result<ListResult<TDto>>> PageAsync<TEntity, TDto>(
        IQueryable<TEntity> query,
        SortableFields<TEntity> fields,
        ListRequest request,
        string binding,
        Func<IQueryable<TEntity>, IQueryable<TDto>> project,
        CancellationToken cancellationToken)
        where TDto : notnull =>
        PageCoreAsync(fields, request, binding, () => query,
            (keys, _, cursor) => FetchAsync(query, keys, cursor, request.PageSize + 1, project, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Reads one page with the query <paramref name="list"/> compiled for its shape (<see cref="CompiledList{TEntity, TFilter, TDto}"/>):
    /// the same page, tokens and errors as the overload that takes a query, without EF Core's per-call query work.
    /// </summary>
    public Task<Result<ListResult<TDto>>> PageAsync<TEntity, TFilter, TDto>(
        IReadDbContext db,
        CompiledList<TEntity, TFilter, TDto> list,
        ListShape<TEntity, TFilter> shape,
        TFilter filter,
        ListRequest request,
        string binding,
        TypeAdapterConfig mappings,
        CancellationToken cancellationToken)
        where TEntity : class
        where TDto : notnull =>
        PageCoreAsync(list.Fields, request, binding, () => shape.Apply(db.Query<TEntity>(), filter),
            async (keys, sort, cursor) =>
                await list.FetchAsync(db, mappings, shape, sort, keys, filter, cursor, request.PageSize + 1, cancellationToken)
                ?? await FetchAsync(shape.Apply(db.Query<TEntity>(), filter), keys, cursor, request.PageSize + 1,
                    rows => rows.ProjectToDto<TDto>(mappings), cancellationToken),
            cancellationToken);

    /// <summary>The page as an ordinary query: rows after the cursor, in key order, one more than the page.</summary>
    private static Task<List<TDto>> FetchAsync<TEntity, TDto>(
        IQueryable<TEntity> query, List<(SortableFields<TEntity>.Field Field, bool Descending)> keys, object[] cursor, int take,
        Func<IQueryable<TEntity>, IQueryable<TDto>> project, CancellationToken cancellationToken)
    {
        var rows = cursor.Length == 0 ? query : query.Where(SeekPredicate<TEntity>(keys, (i, type) => Parameter(cursor[i], type)));
        return project(rows.Provider.CreateQuery<TEntity>(OrderBy<TEntity>(rows.Expression, keys)).Take(take)).ToListAsync(cancellationToken);
    }

    private async Task<Result<ListResult<TDto>>> PageCoreAsync<TEntity, TDto>(
        SortableFields<TEntity> fields,
        ListRequest request,
        string binding,
        Func<IQueryable<TEntity>> counted,
        Func<List<(SortableFields<TEntity>.Field Field, bool Descending)>, string, object[], Task<List<TDto>>> fetch,
        CancellationToken cancellationToken)
        where TDto : notnull
    {
        if (!fields.TryParse(request.Sort, out var sort))
        {
            return Error.Validation("sort", "The sort expression is not valid.");
        }

        var keys = sort.Select(k => (Field: fields[k.Field], k.Descending)).ToList();
        keys.Add((fields.Id, keys[^1].Descending));
        var sortText = SortText(sort);
        var fingerprint = Fingerprint(binding, sortText);

        long? total = request.IncludeTotalCount ? await counted().LongCountAsync(cancellationToken) : null;

        object[] cursor = [];
        if (request.PageToken is { Length: > 0 } token
            && !TryReadCursor(token, fingerprint, keys.Select(k => k.Field).ToList(), out cursor))
        {
            return InvalidPageToken;
        }

        var page = await fetch(keys, sortText, cursor);
        string? next = null;
        if (page.Count > request.PageSize)
        {
            page.RemoveAt(page.Count - 1);
            next = WriteCursor(fingerprint, keys.Select(k => k.Field.Format(k.Field.ReadFrom(page[^1]))).ToArray());
        }

        return new ListResult<TDto>(page, next, total);
    }

    /// <summary>A short digest of what the token is bound to; the token carries it, not the filters themselves.</summary>
    public static string Fingerprint(string binding, IEnumerable<SortKey> sort) => Fingerprint(binding, SortText(sort));

    /// <summary>The sort as the token binds it, and the key of its compiled page query: <c>name,-createdAt</c>.</summary>
    private static string SortText(IEnumerable<SortKey> sort) => string.Join(',', sort.Select(k => (k.Descending ? "-" : "") + k.Field));

    private static string Fingerprint(string binding, string sort) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(binding + "|" + sort))[..16]);

    /// <summary>Mints the token for the page after the given row; benchmarks use it to jump deep without walking.</summary>
    public string TokenAfter(string fingerprint, IReadOnlyList<string> formattedKeyValues) => WriteCursor(fingerprint, [.. formattedKeyValues]);

    private string WriteCursor(string fingerprint, string[] values) =>
        protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Cursor(fingerprint, values)));

    private bool TryReadCursor<TEntity>(string token, string fingerprint, List<SortableFields<TEntity>.Field> fields, out object[] values)
    {
        values = [];
        if (!protector.TryUnprotect(token, out var payload))
        {
            return false;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<Cursor>(payload);
            if (cursor?.V is null || cursor.F != fingerprint || cursor.V.Length != fields.Count)
            {
                return false;
            }

            values = [.. fields.Select((field, i) => field.Parse(cursor.V[i]))];
            return true;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    internal static Expression OrderBy<TEntity>(Expression rows, List<(SortableFields<TEntity>.Field Field, bool Descending)> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var (field, descending) = keys[i];
            var method = (i, descending) switch
            {
                (0, false) => nameof(Queryable.OrderBy),
                (0, true) => nameof(Queryable.OrderByDescending),
                (_, false) => nameof(Queryable.ThenBy),
                (_, true) => nameof(Queryable.ThenByDescending),
            };
            rows = Expression.Call(QueryableMethods.Get(method, typeof(TEntity), field.ValueType), rows, Expression.Quote(field.Selector));
        }

        return rows;
    }

    /// <summary>
    /// k1 ≥ v1 AND ((k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR ...), with the comparisons flipped for descending keys.
    /// The OR expansion handles mixed directions; the redundant leading bound is what lets PostgreSQL start the index
    /// scan at the cursor instead of filtering from the first row.
    /// </summary>
    internal static Expression<Func<TEntity, bool>> SeekPredicate<TEntity>(
        List<(SortableFields<TEntity>.Field Field, bool Descending)> keys, Func<int, Type, Expression> value)
    {
        var entity = Expression.Parameter(typeof(TEntity), "e");
        Expression? predicate = null;
        for (var i = 0; i < keys.Count; i++)
        {
            Expression term = Compare(Read(keys[i].Field, entity), value(i, keys[i].Field.ValueType), keys[i].Field.ValueType, keys[i].Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            for (var j = i - 1; j >= 0; j--)
            {
                term = Expression.AndAlso(Compare(Read(keys[j].Field, entity), value(j, keys[j].Field.ValueType), keys[j].Field.ValueType, ExpressionType.Equal), term);
            }

            predicate = predicate is null ? term : Expression.OrElse(predicate, term);
        }

        var leadingBound = Compare(Read(keys[0].Field, entity), value(0, keys[0].Field.ValueType), keys[0].Field.ValueType,
            keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
        return Expression.Lambda<Func<TEntity, bool>>(Expression.AndAlso(leadingBound, predicate!), entity);
    }

    private static Expression Read<TEntity>(SortableFields<TEntity>.Field field, ParameterExpression entity) =>
        new ParameterSwap(field.Selector.Parameters[0], entity).Visit(field.Selector.Body);

    /// <summary>A closure-like member access makes EF Core send the value as a parameter, not a literal.</summary>
    private static UnaryExpression Parameter(object value, Type type) =>
        Expression.Convert(Expression.Property(Expression.Constant(new Boxed(value)), nameof(Boxed.Value)), type);

    private static BinaryExpression Compare(Expression left, Expression right, Type type, ExpressionType comparison)
    {
        if (type == typeof(string) || type == typeof(Guid))
        {
            // string.Compare / Guid.CompareTo translate to SQL comparison operators.
            var compare = type == typeof(string)
                ? Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right)
                : Expression.Call(left, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, right);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }

        return Expression.MakeBinary(comparison, left, right);
    }

    private sealed record Cursor(string F, string[] V);

    private sealed class Boxed(object value)
    {
        public object Value { get; } = value;
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
