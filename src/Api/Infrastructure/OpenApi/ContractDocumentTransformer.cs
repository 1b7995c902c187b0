using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// Makes the components say what the API does: request bodies carry the validators' rules (<see cref="ContractRules"/>),
/// members the API omits when null are optional and never null, problems allow the members every problem carries,
/// merge patches and sparse list items have schemas of their own, and every error status has a shared response.
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var requestSchemas = ContractRules.RequestBodies.Keys.Select(type => type.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var (type, members) in ContractRules.RequestBodies)
        {
            if (schemas.TryGetValue(type.Name, out var schema) && schema is OpenApiSchema body)
            {
                ApplyMembers(body, members);
            }
        }

        foreach (var (name, schema) in schemas)
        {
            if (!requestSchemas.Contains(name) && schema is OpenApiSchema { Properties: { } properties } representation)
            {
                OmittedWhenNull(representation, properties);
            }

            if (schema is OpenApiSchema { Type: null, Enum.Count: > 0 } enumeration)
            {
                enumeration.Type = JsonSchemaType.String;
            }
        }

        schemas["ProblemDetails"] = Problem(validation: false);
        schemas["ValidationProblemDetails"] = Problem(validation: true);
#if (IncludeProducts)
        var v2 = context.DocumentName == "v2";
        schemas[MergePatchSchemaId(context.DocumentName)] = ProductPatch(v2);
#endif
        schemas.Remove("JsonElement");
        AddListItems(document, schemas);

        foreach (var schema in schemas.Values.SelectMany(SchemaEdits.Descendants).Where(s => s.Format == "date-time"))
        {
            // DateTimeOffset has a converter of its own (RFC 3339 UTC), so the generator cannot tell its JSON type.
            schema.Type = JsonSchemaType.String | (schema.Type ?? 0) & JsonSchemaType.Null;
        }

        var responses = document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var problem in ProblemResponses.All)
        {
            responses[problem.Id] = problem.Create(document);
        }

        return Task.CompletedTask;
    }

#if (IncludeProducts)
    public static string MergePatchSchemaId(string documentName) => documentName == "v2" ? "ProductPatchV2" : "ProductPatchV1";

#endif
    private static void ApplyMembers(OpenApiSchema body, IReadOnlyDictionary<string, MemberRule> members)
    {
        body.Required = members.Where(member => member.Value.Required).Select(member => member.Key).ToHashSet(StringComparer.Ordinal);
        body.AdditionalPropertiesAllowed = false;
        if (body.Properties is not { } properties)
        {
            return;
        }

        foreach (var (name, rule) in members)
        {
            if (properties.TryGetValue(name, out var property))
            {
                properties[name] = SchemaEdits.Apply(property, rule);
            }
        }
    }

    /// <summary>Responses omit null members (JSON options): such members are optional, and never null when present.</summary>
    private static void OmittedWhenNull(OpenApiSchema representation, IDictionary<string, IOpenApiSchema> properties)
    {
        foreach (var (name, property) in properties.ToArray())
        {
            if (SchemaEdits.AllowsNull(property))
            {
                properties[name] = SchemaEdits.WithoutNull(property);
                representation.Required?.Remove(name);
            }
        }
    }

    private static OpenApiSchema Problem(bool validation)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        var problem = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation
                ? "An RFC 9457 problem; validation failures add `errors`, keyed by camelCase member path."
                : "An RFC 9457 problem with the API's extension members.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text("URI of the problem type."),
                ["title"] = Text("Short summary of the problem type."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = Text("What went wrong with this request."),
                ["instance"] = Text("The request path, or a URN naming this occurrence."),
                ["traceId"] = Text("W3C trace id of the request; quote it when reporting a problem."),
                ["requestId"] = Text("The request's X-Request-Id."),
#if (IncludeProducts)
                ["code"] = Text("Machine-readable error code, e.g. product.not_found."),
#else
                ["code"] = Text("Machine-readable error code, e.g. tenant.not_found."),
#endif
            },
            Required = new HashSet<string>(["type", "title", "status", "detail", "instance", "traceId"], StringComparer.Ordinal),
            AdditionalPropertiesAllowed = false,
        };
        if (validation)
        {
            problem.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return problem;
    }

#if (IncludeProducts)
    private static OpenApiSchema ProductPatch(bool v2)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["sku"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["tags"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
        };
        if (v2)
        {
            var money = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["amountMinor"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                    ["currency"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
                AdditionalPropertiesAllowed = false,
            };
            foreach (var (name, rule) in ContractRules.MoneyPatch())
            {
                money.Properties[name] = SchemaEdits.Apply(money.Properties[name], rule);
            }

            properties["price"] = money;
        }
        else
        {
            properties["price"] = new OpenApiSchema { Type = JsonSchemaType.Number };
            properties["currency"] = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        var patch = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 7396 merge patch: members present are changed, null removes description and tags; the result is checked by the same rules as PUT.",
            Properties = properties,
            AdditionalPropertiesAllowed = false,
        };
        ApplyMembers(patch, ContractRules.ProductPatch(v2));
        return patch;
    }

#endif
    /// <summary>List pages hold items that may be sparse (<c>fields</c>): every member but <c>id</c> is optional there.</summary>
    private static void AddListItems(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var page in schemas.Where(s => s.Key.StartsWith("ListResultOf", StringComparison.Ordinal)).Select(s => s.Value).OfType<OpenApiSchema>().ToArray())
        {
            if (page.Properties is null || !page.Properties.TryGetValue("items", out var itemsSchema)
                || itemsSchema is not OpenApiSchema { Items: OpenApiSchemaReference { Reference.Id: { } itemId } } items
                || !schemas.TryGetValue(itemId, out var itemSchema) || itemSchema is not OpenApiSchema item)
            {
                continue;
            }

            var listItemId = itemId + "ListItem";
            schemas[listItemId] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = $"{itemId} as listed: every member, or those `fields` selects (`id` always).",
                Properties = item.Properties,
                Required = new HashSet<string>(["id"], StringComparer.Ordinal),
                AdditionalPropertiesAllowed = false,
            };
            items.Items = new OpenApiSchemaReference(listItemId, document);
            page.Description = "A page of a list: the items, `nextPageToken` when there is a next page, `totalCount` when asked for.";
        }
    }
}
