using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Http;

/// <summary><c>fields=id,name,price</c>: only those members of each list item are returned (<c>id</c> always is).</summary>
internal sealed class SparseFieldset
{
    private static readonly ConcurrentDictionary<Type, HashSet<string>> MembersByType = new();
    private readonly HashSet<string> _fields;

    private SparseFieldset(HashSet<string> fields) => _fields = fields;

    /// <summary>Null when no fieldset was asked for; an error naming unknown members.</summary>
    public static Result<SparseFieldset?> Parse(string? fields, Type itemType, JsonSerializerOptions options)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return Result<SparseFieldset?>.Ok(null);
        }

        var known = MembersByType.GetOrAdd(itemType, type => [.. options.GetTypeInfo(type).Properties.Select(p => p.Name)]);
        var requested = fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(f => !known.Contains(f)).ToArray();
        if (unknown.Length > 0 || requested.Count == 0)
        {
            return Error.Validation("fields", $"Unknown fields: {string.Join(", ", unknown)}. Allowed: {string.Join(", ", known)}.");
        }

        requested.Add("id");
        return new SparseFieldset(requested);
    }

    public JsonNode Apply<T>(T item, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(item, options)!.AsObject();
        foreach (var name in node.Select(p => p.Key).Where(name => !_fields.Contains(name)).ToArray())
        {
            node.Remove(name);
        }

        return node;
    }
}
