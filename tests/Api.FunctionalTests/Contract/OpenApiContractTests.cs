using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>
/// Contract drift guard: the generated OpenAPI documents must equal the ones committed under docs/api/. A change to
/// the public contract therefore shows up in review as a diff of those files. To accept a change on purpose, run
/// <c>bash build/update-openapi.sh</c> and commit the result.
/// </summary>
public sealed class OpenApiContractTests : FunctionalTestBase
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [TestCase("v1")]
    [TestCase("v2")]
    public async Task Generated_document_matches_the_committed_contract(string version)
    {
        using var client = Factory.CreateClient(apiKey: null);
        var generated = Normalize(await client.GetStringAsync($"/openapi/{version}.json"));
        var committedPath = Path.Combine(RepositoryRoot(), "docs", "api", $"openapi-{version}.json");

        if (Environment.GetEnvironmentVariable("QUOIN_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committedPath, generated);
            Assert.Pass($"Updated {committedPath}.");
        }

        Assert.That(File.Exists(committedPath), Is.True, $"{committedPath} is missing: run bash build/update-openapi.sh.");
        var committed = await File.ReadAllTextAsync(committedPath);
        Assert.That(generated, Is.EqualTo(committed),
            $"The {version} contract changed. If that is intended, run bash build/update-openapi.sh and commit docs/api/.");
    }

    [Test]
    public async Task V1_operations_are_marked_deprecated_and_v2_operations_are_not()
    {
        using var client = Factory.CreateClient(apiKey: null);
        var v1 = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var v2 = JsonNode.Parse(await client.GetStringAsync("/openapi/v2.json"))!;

        Assert.That(v1["paths"]!["/api/v1/api-keys"]!["get"]!["deprecated"]?.GetValue<bool>(), Is.True);
        Assert.That(v2["paths"]!["/api/v2/api-keys"]!["get"]!["deprecated"], Is.Null);
#if (IncludeProducts)
        Assert.That(v1["paths"]!["/api/v1/products"]!["get"]!["deprecated"]?.GetValue<bool>(), Is.True);
        Assert.That(v2["paths"]!["/api/v2/products"]!["get"]!["deprecated"], Is.Null);
#endif
        Assert.That(v2["components"]!["securitySchemes"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "ApiKey", "Bearer" }));
    }

    [Test]
    public async Task The_host_header_never_reaches_the_documents()
    {
        using var client = Factory.CreateClient(apiKey: null);
        foreach (var version in new[] { "v1", "v2" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/openapi/{version}.json");
            request.Headers.Host = "evil.example";
            request.Headers.Add("X-Forwarded-Host", "evil.example");

            var response = await client.SendAsync(request);

            var document = await response.AssertJsonAsync(System.Net.HttpStatusCode.OK);
            Assert.That(document.GetRawText(), Does.Not.Contain("evil.example"), version);
            Assert.That(
                document.GetProperty("servers").EnumerateArray().Select(server => server.GetProperty("url").GetString()),
                Is.EqualTo(new[] { "/" }),
                $"{version}: the serving origin unless servers are configured");
        }
    }

    [Test]
    public async Task Configured_server_urls_are_the_documents_servers()
    {
        await using var configured = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("OpenApi:ServerUrls:0", "https://api.quoin.example")
            .UseSetting("OpenApi:ServerUrls:1", "https://eu.api.quoin.example/"));
        using var client = configured.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v2.json");
        request.Headers.Host = "evil.example";

        var document = JsonNode.Parse(await (await client.SendAsync(request)).Content.ReadAsStringAsync())!;

        Assert.That(document["servers"]!.AsArray().Select(server => server!["url"]!.GetValue<string>()), Is.EqualTo(new[] { "https://api.quoin.example", "https://eu.api.quoin.example" }),
            "listed without a trailing slash: paths start with one");
    }

    /// <summary>Fixes the formatting. Nothing depends on the request's host: by default the documents' one server is "/", the serving origin.</summary>
    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "QuoinApi.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("QuoinApi.sln not found above the test assembly.");
    }
}
