using System.Globalization;
using System.Linq.Expressions;

namespace QuoinApi.Application.Common.Paging;

/// <summary>
/// The whitelist of fields a resource can be sorted by, with the expressions that read them. Every sort ends with the
/// id as a tiebreaker, so the order is total and keyset paging never skips or repeats rows with equal keys.
/// </summary>
public sealed class SortableFields<TEntity>
{
    private readonly Dictionary<string, Field> _fields = new(StringComparer.Ordinal);

    public SortableFields(Expression<Func<TEntity, Guid>> id, string defaultSort)
    {
        Id = new Field("id", id, typeof(Guid));
        DefaultSort = defaultSort;
    }

    internal Field Id { get; }

    public string DefaultSort { get; }

    public IEnumerable<string> Names => _fields.Keys;

    public SortableFields<TEntity> Add<TValue>(string name, Expression<Func<TEntity, TValue>> selector)
    {
        _fields[name] = new Field(name, selector, typeof(TValue));
        return this;
    }

    /// <summary>Parses <c>"-createdAt,name"</c>. Null or blank means the default sort.</summary>
    public bool TryParse(string? sort, out IReadOnlyList<SortKey> keys)
    {
        var text = string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort;
        var parsed = new List<SortKey>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var name = descending ? part[1..] : part;
            if (!_fields.ContainsKey(name) || parsed.Exists(k => k.Field == name))
            {
                keys = [];
                return false;
            }

            parsed.Add(new SortKey(name, descending));
        }

        keys = parsed;
        return parsed.Count > 0;
    }

    internal Field this[string name] => _fields[name];

    internal sealed record Field(string Name, LambdaExpression Selector, Type ValueType)
    {
        /// <summary>Reads the same field from a projected DTO, whose property has the field's name in PascalCase.</summary>
        public object ReadFrom(object dto)
        {
            var property = dto.GetType().GetProperty(char.ToUpperInvariant(Name[0]) + Name[1..])
                ?? throw new InvalidOperationException($"{dto.GetType().Name} lacks the sort field '{Name}'.");
            return property.GetValue(dto) ?? throw new InvalidOperationException($"Sort field '{Name}' is null.");
        }

        public string Format(object value) => value switch
        {
            DateTimeOffset timestamp => timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture),
            decimal number => number.ToString(CultureInfo.InvariantCulture),
            long number => number.ToString(CultureInfo.InvariantCulture),
            Guid guid => guid.ToString("N"),
            string text => text,
            _ => throw new NotSupportedException($"Sorting by {ValueType} is not supported."),
        };

        public object Parse(string text) => ValueType switch
        {
            _ when ValueType == typeof(DateTimeOffset) => new DateTimeOffset(long.Parse(text, CultureInfo.InvariantCulture), TimeSpan.Zero),
            _ when ValueType == typeof(decimal) => decimal.Parse(text, CultureInfo.InvariantCulture),
            _ when ValueType == typeof(long) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            _ when ValueType == typeof(Guid) => Guid.ParseExact(text, "N"),
            _ when ValueType == typeof(string) => text,
            _ => throw new NotSupportedException($"Sorting by {ValueType} is not supported."),
        };
    }
}
