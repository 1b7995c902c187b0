using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Audit;

namespace QuoinApi.Application.Common.Auditing;

/// <summary>
/// Builds audit records from commands: the action and resource come from the use-case folder
/// (<c>ApiKeys/CreateApiKey</c> → <c>api_key.create</c>), the change summary from the command's members with secrets
/// redacted, the resource id from the result or the command.
/// </summary>
public static partial class AuditRecords
{
    public const string Redacted = "[redacted]";
    private static readonly JsonSerializerOptions SummaryOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly HashSet<string> NotChanges = new(StringComparer.OrdinalIgnoreCase) { "id", "precondition" };

    public static AuditRecord Describe(object command, object? result, string outcome, ICurrentPrincipal principal, RequestContext context)
    {
        var (resourceType, action) = ActionOf(command.GetType());
        return new AuditRecord(
            principal.TenantId,
            principal.ActorId ?? "anonymous",
            action,
            resourceType,
            // The command's target first (a rotation is about the rotated key), else what it created.
            IdOf(command) ?? IdOf(result),
            outcome,
            context.RequestId,
            Activity.Current?.TraceId.ToString(),
            Summarize(command));
    }

    /// <summary><c>RotateApiKeyCommand</c> in <c>ApiKeys.RotateApiKey</c> → (<c>api_key</c>, <c>api_key.rotate</c>).</summary>
    public static (string ResourceType, string Action) ActionOf(Type commandType)
    {
        var segments = commandType.Namespace!.Split('.');
        var feature = segments[^2]; // e.g. "ApiKeys"
        var singular = feature switch
        {
            _ when feature.EndsWith("ies", StringComparison.Ordinal) => feature[..^3] + "y", // SupplyCategories, a module's
            _ when feature.EndsWith('s') => feature[..^1],
            _ => feature,
        };
        var verb = commandType.Name.Replace("Command", "", StringComparison.Ordinal).Replace(singular, "", StringComparison.Ordinal);
        var resourceType = SnakeCase(singular);
        return (resourceType, $"{resourceType}.{SnakeCase(verb)}");
    }

    /// <summary>The command's members as compact JSON, minus routing members, with secrets replaced by a marker.</summary>
    public static string Summarize(object command)
    {
        var node = JsonSerializer.SerializeToNode(command, command.GetType(), SummaryOptions) as JsonObject ?? [];
        foreach (var name in node.Select(p => p.Key).Where(NotChanges.Contains).ToArray())
        {
            node.Remove(name);
        }

        Redact(node);
        return Flatten(node).ToJsonString();
    }

    /// <summary>Member names that hold secrets anywhere in the tree: keys, secrets, hashes, tokens, passwords, signatures.</summary>
    public static bool IsSensitive(string memberName) => SensitiveName().IsMatch(memberName);

    private static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToArray())
                {
                    if (IsSensitive(name))
                    {
                        obj[name] = Redacted;
                    }
                    else
                    {
                        Redact(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Redact(item);
                }

                break;
        }
    }

    /// <summary>Patch members are <c>Optional&lt;T&gt;</c>: keep only the set ones, as their plain values.</summary>
    private static JsonObject Flatten(JsonObject node)
    {
        foreach (var (name, value) in node.ToArray())
        {
            if (value is JsonObject { Count: 2 } optional && optional["isSet"] is JsonValue isSet && optional.ContainsKey("value"))
            {
                if (isSet.GetValue<bool>())
                {
                    node[name] = optional["value"]?.DeepClone();
                }
                else
                {
                    node.Remove(name);
                }
            }
            else if (value is JsonObject child)
            {
                Flatten(child);
            }
        }

        return node;
    }

    private static string? IdOf(object? value) =>
        value?.GetType().GetProperty("Id")?.GetValue(value) is Guid id && id != Guid.Empty ? id.ToString() : null;

    private static string SnakeCase(string pascal) => UpperAfterLower().Replace(pascal, "$1_$2").ToLowerInvariant();

    // "key"/"keys" or a camelCase name ending in Key(s) (apiKey, signingKey) — but not "monkey".
    [GeneratedRegex("(?i:secret|password|hash|token|signature|credential)|^keys?$|Keys?$")]
    private static partial Regex SensitiveName();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex UpperAfterLower();
}
