using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QuoinApi.Architecture.Tests.OpenApi;

/// <summary>
/// The committed documents (kept equal to the running API by OpenApiContractTests) are fit to generate clients from:
/// every operation has a stable, unique camelCase operationId and a one-line summary for users, every tag a description,
/// every error response the problem media type. An endpoint added without <c>[ApiOperation]</c> (or a controller without
/// <c>[ApiTag]</c>) fails here, with no Node needed.
/// </summary>
public sealed partial class OpenApiDocumentRulesTests
{
    private static readonly string[] Versions = ["v1", "v2"];

    private static JsonObject Document(string version) =>
        JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf("docs", "api", $"openapi-{version}.json")))!.AsObject();

    private static IEnumerable<(string Where, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where method.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options"
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject());

    [TestCaseSource(nameof(Versions))]
    public void Every_operation_has_a_unique_camel_case_operation_id(string version)
    {
        var operations = Operations(Document(version)).ToArray();
        var missing = operations.Where(o => !CamelCase().IsMatch(o.Operation["operationId"]?.GetValue<string>() ?? "")).Select(o => o.Where);
        var duplicated = operations.GroupBy(o => o.Operation["operationId"]?.GetValue<string>()).Where(g => g.Key is not null && g.Count() > 1).Select(g => g.Key);

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "Add [ApiOperation(\"verbResource\", \"Summary\")] to these actions.");
            Assert.That(duplicated, Is.Empty, "operationIds must be unique in a document.");
        });
    }

    [TestCaseSource(nameof(Versions))]
    public void Every_operation_has_a_one_line_summary_for_users(string version)
    {
        var bad = Operations(Document(version))
            .Select(o => (o.Where, Summary: o.Operation["summary"]?.GetValue<string>() ?? ""))
            .Where(o => !UserSummary().IsMatch(o.Summary) || InternalReference().IsMatch(o.Summary))
            .Select(o => $"{o.Where}: '{o.Summary}'");

        Assert.That(bad, Is.Empty, "A summary is one line of at most 80 characters, capitalised, without a trailing period or internal references.");
    }

    [TestCaseSource(nameof(Versions))]
    public void Every_tag_is_declared_with_a_description(string version)
    {
        var document = Document(version);
        var declared = (document["tags"]?.AsArray() ?? [])
            .ToDictionary(tag => tag!["name"]!.GetValue<string>(), tag => tag!["description"]?.GetValue<string>() ?? "");
        var used = Operations(document).SelectMany(o => o.Operation["tags"]?.AsArray().Select(t => t!.GetValue<string>()) ?? []).Distinct();

        Assert.Multiple(() =>
        {
            Assert.That(used.Where(tag => !declared.ContainsKey(tag)), Is.Empty, "Tags used by operations but not declared.");
            Assert.That(declared.Where(tag => string.IsNullOrWhiteSpace(tag.Value)).Select(tag => tag.Key), Is.Empty, "Add [ApiTag(\"...\")] to the controller.");
            Assert.That(Operations(document).Where(o => o.Operation["tags"]?.AsArray().Count is not > 0).Select(o => o.Where), Is.Empty, "Operations without a tag.");
        });
    }

    [TestCaseSource(nameof(Versions))]
    public void Servers_have_no_trailing_slash_and_error_responses_are_problems(string version)
    {
        var document = Document(version);
        var servers = document["servers"]!.AsArray().Select(server => server!["url"]!.GetValue<string>()).ToArray();
        var errors = Operations(document)
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').Select(r => (o.Where, Status: r.Key, Response: r.Value!)))
            .Select(r => (r.Where, r.Status, Response: Resolve(document, r.Response)))
            .ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(servers, Is.Not.Empty);
            Assert.That(servers.Where(url => url != "/" && url.EndsWith('/')), Is.Empty, "Paths start with a slash: servers must not end with one.");
            Assert.That(errors, Is.Not.Empty);
            Assert.That(
                errors.Where(e => e.Response["content"]?["application/problem+json"] is null || string.IsNullOrWhiteSpace(e.Response["description"]?.GetValue<string>()))
                    .Select(e => $"{e.Where} {e.Status}"),
                Is.Empty,
                "Error responses are described problem responses (application/problem+json).");
        });
    }

    [Test]
    public void An_operation_keeps_its_id_and_summary_across_versions()
    {
        static Dictionary<string, (string? Id, string? Summary)> ByRoute(string version) =>
            Operations(Document(version)).ToDictionary(
                o => o.Where.Replace($"/api/{version}/", "/api/{version}/", StringComparison.Ordinal),
                o => (o.Operation["operationId"]?.GetValue<string>(), o.Operation["summary"]?.GetValue<string>()));

        var v1 = ByRoute("v1");
        var v2 = ByRoute("v2");
        var differing = v2.Where(o => v1.TryGetValue(o.Key, out var old) && old != o.Value).Select(o => o.Key);

        Assert.That(differing, Is.Empty, "Generated clients of both versions call the same operation by the same name.");
    }

    private static JsonObject Resolve(JsonObject document, JsonNode response)
    {
        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            var node = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)document, (current, part) => current[part]!);
            return node.AsObject();
        }

        return response.AsObject();
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"^[A-Z][^\r\n]{2,79}(?<![.\s])$")]
    private static partial Regex UserSummary();

    [GeneratedRegex(@"§|ADR|docs/|/work/|\bissue\b|\bspec\b|TODO", RegexOptions.IgnoreCase)]
    private static partial Regex InternalReference();
}
