using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>Small edits of generated schemas: constraints from <see cref="MemberRule"/>s and nullability.</summary>
internal static class SchemaEdits
{
    /// <summary>Applies a member's rule to its schema (an inline schema, or a reference that may be wrapped as nullable).</summary>
    public static IOpenApiSchema Apply(IOpenApiSchema schema, MemberRule rule)
    {
        var nonNull = WithoutNull(schema);
        if (nonNull is OpenApiSchema inline)
        {
            inline.MinLength = rule.MinLength ?? inline.MinLength;
            inline.MaxLength = rule.MaxLength ?? inline.MaxLength;
            inline.Pattern = rule.Pattern ?? inline.Pattern;
            inline.Minimum = rule.Minimum is { } minimum ? minimum.ToString(CultureInfo.InvariantCulture) : inline.Minimum;
            inline.Maximum = rule.Maximum is { } maximum ? maximum.ToString(CultureInfo.InvariantCulture) : inline.Maximum;
            inline.MultipleOf = rule.MultipleOf ?? inline.MultipleOf;
            inline.MinItems = rule.MinItems ?? inline.MinItems;
            inline.MaxItems = rule.MaxItems ?? inline.MaxItems;
            inline.Examples = rule.Example is { } example ? [example.DeepClone()] : inline.Examples;
            inline.Default = rule.Default?.DeepClone() ?? inline.Default;
            inline.Description = rule.Description ?? inline.Description;
            if (rule.Enum is { } values)
            {
                inline.Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value)!)];
            }

            if (rule.Items is { } items && inline.Items is { } itemSchema)
            {
                inline.Items = Apply(itemSchema, items);
            }
        }

        return rule.Nullable ? AllowNull(nonNull) : nonNull;
    }

    /// <summary>The schema without <c>null</c>: the type flag removed, or the non-null branch of a <c>oneOf</c>.</summary>
    public static IOpenApiSchema WithoutNull(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { OneOf: { Count: 2 } oneOf } && oneOf.Any(IsNull))
        {
            return oneOf.First(branch => !IsNull(branch));
        }

        if (schema is OpenApiSchema { Type: { } type } inline && type.HasFlag(JsonSchemaType.Null))
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }

        return schema;
    }

    public static bool AllowsNull(IOpenApiSchema schema) =>
        schema is OpenApiSchema { OneOf: { } oneOf } && oneOf.Any(IsNull)
        || schema is OpenApiSchema { Type: { } type } && type.HasFlag(JsonSchemaType.Null);

    public static IOpenApiSchema AllowNull(IOpenApiSchema schema)
    {
        if (AllowsNull(schema))
        {
            return schema;
        }

        if (schema is OpenApiSchema { Type: { } type } inline)
        {
            inline.Type = type | JsonSchemaType.Null;
            return inline;
        }

        return new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, schema] };
    }

    /// <summary>Every inline schema below (and including) this one, not following references.</summary>
    public static IEnumerable<OpenApiSchema> Descendants(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            yield break;
        }

        yield return inline;
        var children = (inline.Properties?.Values ?? [])
            .Concat(inline.OneOf ?? []).Concat(inline.AnyOf ?? []).Concat(inline.AllOf ?? [])
            .Concat(new[] { inline.Items, inline.AdditionalProperties }.OfType<IOpenApiSchema>());
        foreach (var descendant in children.SelectMany(Descendants))
        {
            yield return descendant;
        }
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
