using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace QuoinApi.Api.FunctionalTests.Contract.Conformance;

/// <summary>One operation of an OpenAPI 3.1 document, with its references resolved.</summary>
public sealed record DocumentedOperation(
    string Method,
    string Path,
    IReadOnlyList<DocumentedParameter> Parameters,
    DocumentedBody? RequestBody,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode?>> Responses,
    bool Secured)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record DocumentedParameter(string Name, string In, bool Required, JsonObject Schema);

public sealed record DocumentedBody(bool Required, IReadOnlyDictionary<string, JsonObject> Content);

/// <summary>
/// Reads the API's OpenAPI document the way a generic client or fuzzer does, and validates instances against its
/// schemas (JSON Schema draft 2020-12, which OpenAPI 3.1 uses) with JsonSchema.Net, formats included.
/// </summary>
public sealed class ApiDescriptionDocument
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private static int _schemaCount;
    private readonly JsonObject _root;
    private readonly Dictionary<string, JsonSchema> _validators = new(StringComparer.Ordinal);

    public ApiDescriptionDocument(string json)
    {
        _root = JsonNode.Parse(json)!.AsObject();
        Operations = [.. ReadOperations()];
    }

    public IReadOnlyList<DocumentedOperation> Operations { get; }

    /// <summary>Follows <c>$ref</c> (to components) until a schema, response or parameter object.</summary>
    public JsonObject Resolve(JsonNode node)
    {
        var current = node.AsObject();
        while (current["$ref"]?.GetValue<string>() is { } reference)
        {
            var target = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode)_root, (at, segment) => at[segment] ?? throw new InvalidOperationException($"Unresolved {reference}."));
            current = target.AsObject();
        }

        return current;
    }

    /// <summary>The error messages of validating <paramref name="instance"/> against <paramref name="schema"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement instance)
    {
        var key = schema.ToJsonString();
        if (!_validators.TryGetValue(key, out var validator))
        {
            // The schema with every component beside it, so that its $refs resolve inside one draft 2020-12 schema.
            var root = JsonNode.Parse(key.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
            root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            root["$defs"] = JsonNode.Parse(_root["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
            var id = Interlocked.Increment(ref _schemaCount);
            validator = JsonSchema.FromText(root.ToJsonString(), baseUri: new Uri($"https://quoinapi.test/conformance/{id}"));
            _validators[key] = validator;
        }

        var results = validator.Evaluate(instance, Evaluation);
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value} ({d.EvaluationPath})"))
                .DefaultIfEmpty("invalid")];
    }

    private IEnumerable<DocumentedOperation> ReadOperations()
    {
        foreach (var (path, item) in _root["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(p!))
                    .Select(p => new DocumentedParameter(
                        p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["required"]?.GetValue<bool>() == true, Resolve(p["schema"]!)))
                    .ToArray();
                DocumentedBody? body = null;
                if (operation["requestBody"] is { } bodyNode)
                {
                    var requestBody = Resolve(bodyNode);
                    body = new DocumentedBody(requestBody["required"]?.GetValue<bool>() == true,
                        requestBody["content"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!["schema"]!.AsObject(), StringComparer.OrdinalIgnoreCase));
                }

                var responses = operation["responses"]!.AsObject().ToDictionary(
                    r => r.Key,
                    r => (IReadOnlyDictionary<string, JsonNode?>)(Resolve(r.Value!)["content"]?.AsObject()
                        .ToDictionary(c => c.Key, c => c.Value?["schema"], StringComparer.OrdinalIgnoreCase)
                        ?? new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase)),
                    StringComparer.Ordinal);
                var secured = (operation["security"] ?? _root["security"]) is JsonArray { Count: > 0 };
                yield return new DocumentedOperation(method.ToUpperInvariant(), path, parameters, body, responses, secured);
            }
        }
    }
}
