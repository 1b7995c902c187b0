using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuoinApi.Api.FunctionalTests.Contract.Conformance;

/// <summary>
/// Values made from a schema alone, as a generic OpenAPI fuzzer makes them: one valid value (examples, defaults, enums,
/// then the type's constraints), and invalid values that break exactly one keyword each.
/// </summary>
public sealed class SchemaValues(ApiDescriptionDocument document)
{
    private int _unique;

    public JsonNode? Valid(JsonNode schemaNode, bool allMembers = true)
    {
        var schema = document.Resolve(schemaNode);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            return Valid(oneOf.First(branch => !IsNullOnly(document.Resolve(branch!)))!, allMembers);
        }

        var types = Types(schema);
        if (types.Contains("object"))
        {
            var value = new JsonObject();
            var required = Required(schema);
            foreach (var (name, member) in schema["properties"]?.AsObject() ?? [])
            {
                if (allMembers || required.Contains(name))
                {
                    value[name] = Valid(member!, allMembers);
                }
            }

            return value;
        }

        var example = schema["examples"]?.AsArray().FirstOrDefault() ?? schema["default"] ?? schema["enum"]?.AsArray().FirstOrDefault();
        if (example is not null)
        {
            var copy = example.DeepClone();

            // Unique values where the API keeps them unique (sku): a fresh one per request, still matching the pattern.
            return schema["pattern"]?.GetValue<string>() == "^[A-Z0-9_-]+$" ? $"{copy.GetValue<string>()}-{Interlocked.Increment(ref _unique)}" : copy;
        }

        if (types.Contains("array"))
        {
            var count = schema["minItems"]?.GetValue<int>() ?? 1;
            return new JsonArray([.. Enumerable.Range(0, count).Select(_ => Valid(schema["items"]!, allMembers))]);
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            var minimum = Decimal(schema["minimum"]);
            var maximum = Decimal(schema["maximum"]);
            var value = minimum is { } low ? Math.Max(low, 1) : 1;
            value = maximum is { } high && value > high ? high : value;
            return JsonValue.Create(value);
        }

        if (types.Contains("boolean"))
        {
            return true;
        }

        return schema["format"]?.GetValue<string>() switch
        {
            "date-time" => DateTimeOffset.UtcNow.AddYears(1).AddSeconds(Interlocked.Increment(ref _unique)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            "date" => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "uuid" => Guid.NewGuid().ToString(),
            _ => Text(schema),
        };
    }

    /// <summary>Values that break one keyword of the schema each, labelled by the keyword.</summary>
    public IEnumerable<(string Keyword, JsonNode? Value)> Invalid(JsonNode schemaNode)
    {
        var schema = document.Resolve(schemaNode);
        var nullable = schema["oneOf"] is JsonArray oneOf && oneOf.Any(b => IsNullOnly(document.Resolve(b!))) || Types(schema).Contains("null");
        if (schema["oneOf"] is JsonArray branches)
        {
            schema = document.Resolve(branches.First(b => !IsNullOnly(document.Resolve(b!)))!);
        }

        var types = Types(schema);
        if (!nullable)
        {
            yield return ("type: null", null);
        }

        if (types.Contains("string"))
        {
            yield return ("type", 12345);
            if (schema["maxLength"]?.GetValue<int>() is { } maxLength)
            {
                yield return ("maxLength", new string('X', maxLength + 1));
            }

            if (schema["minLength"]?.GetValue<int>() is > 0)
            {
                yield return ("minLength", string.Empty);
            }

            if (schema["pattern"]?.GetValue<string>() is { } pattern
                && new[] { "   ", "lower case!", "\u00e9" }.FirstOrDefault(candidate => !Regex.IsMatch(candidate, pattern)) is { } mismatch)
            {
                yield return ("pattern", mismatch);
            }

            if (schema["enum"] is not null)
            {
                yield return ("enum", "not-a-listed-value");
            }

            if (schema["format"]?.GetValue<string>() is "date")
            {
                yield return ("format date", "2026-02-30");
            }

            if (schema["format"]?.GetValue<string>() is "date-time")
            {
                yield return ("format date-time", "1.5");
            }

            if (schema["format"]?.GetValue<string>() is "uuid")
            {
                yield return ("format uuid", "not-a-uuid");
            }
        }
        else if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("type", "not-a-number");
            if (Decimal(schema["minimum"]) is { } minimum)
            {
                yield return ("minimum", JsonValue.Create(minimum - 1));
            }

            if (Decimal(schema["maximum"]) is { } maximum)
            {
                yield return ("maximum", JsonValue.Create(maximum + 1));
            }

            if (types.Contains("integer"))
            {
                yield return ("type integer", 1.5);
            }

            if (Decimal(schema["multipleOf"]) is { } step)
            {
                yield return ("multipleOf", JsonValue.Create(step / 10));
            }
        }
        else if (types.Contains("boolean"))
        {
            yield return ("type", "maybe");
        }
        else if (types.Contains("array"))
        {
            yield return ("type", "not-an-array");
            if (schema["maxItems"]?.GetValue<int>() is { } maxItems)
            {
                yield return ("maxItems", new JsonArray([.. Enumerable.Range(0, maxItems + 1).Select(_ => Valid(schema["items"]!))]));
            }

            if (schema["minItems"]?.GetValue<int>() is > 0)
            {
                yield return ("minItems", new JsonArray());
            }

            foreach (var (keyword, item) in Invalid(schema["items"]!).Where(i => i.Keyword != "type: null"))
            {
                yield return ("items " + keyword, new JsonArray(item));
            }
        }
        else if (types.Contains("object"))
        {
            yield return ("type", "not-an-object");
        }
    }

    public static HashSet<string> Required(JsonObject schema) =>
        [.. (schema["required"]?.AsArray() ?? []).Select(name => name!.GetValue<string>())];

    public static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    /// <summary>A query or header value as text.</summary>
    public static string? AsText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private static bool IsNullOnly(JsonObject schema) => Types(schema) is { Count: 1 } types && types.Contains("null");

    private static decimal? Decimal(JsonNode? node) => node is null ? null : node.GetValue<decimal>();

    private string Text(JsonObject schema)
    {
        var minLength = schema["minLength"]?.GetValue<int>() ?? 1;
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            // Alternations like ^-?(name|sku)(,...)*$ (sort, fields): their first alternative.
            var alternative = Regex.Match(pattern, @"\(([A-Za-z]+)[|)]").Groups[1].Value;
            var candidates = new[] { alternative, "x", "key-" + Guid.NewGuid().ToString("N"), "SKU-" + Interlocked.Increment(ref _unique) };
            return candidates.FirstOrDefault(candidate => candidate.Length >= minLength && Regex.IsMatch(candidate, pattern))
                ?? throw new InvalidOperationException($"No value of the pattern {pattern}.");
        }

        return new string('x', Math.Max(minLength, 1));
    }
}
