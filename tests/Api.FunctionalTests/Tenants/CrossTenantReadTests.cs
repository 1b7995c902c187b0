using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Asp.Versioning;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Api.FunctionalTests.Contract.Conformance;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Tenants;

/// <summary>
/// Walks every GET route of the API, found in the endpoint data sources (a new route is walked without touching this
/// test), in every version it exists in, with two tenants: nothing of one tenant ever shows through another's
/// credentials (docs/http-contract.md#tenancy).
/// </summary>
/// <remarks>
/// The walk reads each route as the owner of the resources and as the other tenant, then the owner changes every
/// resource it has and both read again. On every route the owner's view must change (so the route really reads data
/// the owner's writes reach), the other tenant's view must not, and the other tenant's responses never contain an id,
/// hash or name of the owner's. An <c>{id}</c> in a route is the owner's resource, so the other tenant gets 404.
/// </remarks>
public sealed partial class CrossTenantReadTests : FunctionalTestBase
{
    /// <summary>The owner's resource that fills an <c>{id}</c> following each collection segment.</summary>
    private static readonly string[] KnownCollections =
    [
#if (IncludeProducts)
        "products",
#endif
        "api-keys", "tenants",
#if (IncludeEvents)
        "webhooks",
#endif
    ];

    [Test]
    public async Task No_get_route_shows_a_tenant_anything_of_another_tenant()
    {
        using var owner = await Factory.CreateTenantAsync("Owner");
        using var other = await Factory.CreateTenantAsync("Other");
        var modules = await ModuleCollectionsAsync();
        var owned = await SeedAsync(owner, "OWNER", modules);
        await SeedAsync(other, "OTHER", modules);

        var urls = GetRoutes().SelectMany(route => route.Urls(owned.Ids)).ToList();
        Assert.That(urls, Has.Count.GreaterThanOrEqualTo(10), "the walk found the API's GET routes");

        // Audit entries join the chain a moment after their commit: read each state once it is complete.
        await owner.Http.WaitForAuditSealingAsync();
        await other.Http.WaitForAuditSealingAsync();
        var ownerBefore = await WalkAsync(owner.Http, urls);
        var platformOnly = urls.Where(url => ownerBefore[url].Status is HttpStatusCode.Forbidden).ToList();
        var readable = urls.Except(platformOnly).ToList();
        TestContext.Out.WriteLine($"Walked as both tenants: {string.Join(", ", readable)}; platform-only: {string.Join(", ", platformOnly)}");
        var otherBefore = await WalkAsync(other.Http, readable);

        await ChangeEverythingAsync(owner, owned, modules);
        await owner.Http.WaitForAuditSealingAsync();
        var ownerAfter = await WalkAsync(owner.Http, readable);
        var otherAfter = await WalkAsync(other.Http, readable);

        // Denials are audited in the caller's chain, so the other tenant's platform-only reads come last.
        var otherOnPlatformRoutes = await WalkAsync(other.Http, platformOnly);

        var ownerMarkers = owned.Markers
            .Concat(ownerBefore.Values.Concat(ownerAfter.Values).SelectMany(read => Markers(read.Body)))
            .ToHashSet(StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
#if (IncludeProducts)
            Assert.That(readable.Select(url => url.Path), Has.Some.Contains("/products"));
#endif
            Assert.That(readable.Select(url => url.Path), Has.Some.Contains("/api-keys").And.Some.Contains("/audit-log"));
            foreach (var url in readable)
            {
                Assert.That(ownerBefore[url].Status, Is.EqualTo(HttpStatusCode.OK), $"the owner reads {url}");
#if (IncludeRatePlans)
                if (url.Path.EndsWith("/rate-plans", StringComparison.Ordinal))
                {
                    // The plans are the platform's, the same for every caller: nothing of a tenant's.
                    Assert.That(otherBefore[url].Body, Is.EqualTo(ownerBefore[url].Body), url.ToString());
                }
                else if (!url.Path.EndsWith("/usage", StringComparison.Ordinal))
                {
                    // (Usage counts the caller's own requests, this walk's included, so it changes for both tenants.)
                    Assert.That(ownerAfter[url].Body, Is.Not.EqualTo(ownerBefore[url].Body), $"the owner's writes show on {url}");
                    Assert.That(otherAfter[url], Is.EqualTo(otherBefore[url]), $"the owner's writes do not show to the other tenant on {url}");
                }
#else
                Assert.That(ownerAfter[url].Body, Is.Not.EqualTo(ownerBefore[url].Body), $"the owner's writes show on {url}");
                Assert.That(otherAfter[url], Is.EqualTo(otherBefore[url]), $"the owner's writes do not show to the other tenant on {url}");
#endif

                Assert.That(otherBefore[url].Status, Is.EqualTo(url.NamesAResource ? HttpStatusCode.NotFound : HttpStatusCode.OK), url.ToString());
                foreach (var read in new[] { otherBefore[url], otherAfter[url] })
                {
                    Assert.That(ownerMarkers.Where(marker => read.Body.Contains(marker, StringComparison.Ordinal)), Is.Empty,
                        $"{url} shows the other tenant something of the owner's: {read.Body}");
                }
            }

            foreach (var url in platformOnly)
            {
                Assert.That(otherOnPlatformRoutes[url].Status, Is.EqualTo(HttpStatusCode.Forbidden), url.ToString());
            }
        }
    }

    /// <summary>A second key, a webhook, a product (v2) and one resource of each module, as far as the solution has them;
    /// the tenant's own id comes from its creation.</summary>
    private static async Task<OwnedResources> SeedAsync(TenantClient tenant, string name, IReadOnlyList<ModuleCollection> modules)
    {
        var key = await tenant.Http.CreateApiKeyAsync(["audit:read"], name: $"{name} key");
#if (IncludeEvents)
        var webhook = await tenant.Http.CreateWebhookAsync($"http://127.0.0.1:9/{name}-hooks", ["webhook.ping"]);
#endif
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["api-keys"] = key.Id,
            ["tenants"] = tenant.TenantId,
#if (IncludeEvents)
            ["webhooks"] = webhook.Id(),
#endif
        };
        string[] markers = [$"{name} key", key.Body.String("prefix"), tenant.OwnerKey[..12]];
#if (IncludeEvents)
        markers = [.. markers, $"{name}-hooks"];
#endif
#if (IncludeProducts)
        var (productId, _) = await tenant.Http.CreateProductV2Async($"{name}-SKU", name: $"{name} widget", description: $"{name} only");
        ids["products"] = productId;
        markers = [.. markers, $"{name}-SKU", $"{name} widget", $"{name} only"];
#endif
        foreach (var module in modules)
        {
            using var created = await tenant.Http.SendAsync(HttpMethod.Post, module.Path, module.Body($"{name} {module.Segment}").ToJsonString());
            ids[module.Segment] = (await created.AssertJsonAsync(HttpStatusCode.Created)).Id();
            markers = [.. markers, $"{name} {module.Segment}"];
        }

        return new OwnedResources(ids, [.. markers, .. ids.Values.Select(id => id.ToString()), tenant.OwnerKeyId.ToString()]);
    }

    /// <summary>Changes every resource the walk reads by id, and so every list and the audit chain.</summary>
    private static async Task ChangeEverythingAsync(TenantClient owner, OwnedResources owned, IReadOnlyList<ModuleCollection> modules)
    {
        foreach (var module in modules)
        {
            await (await owner.Http.SendAsync(HttpMethod.Put, $"{module.Path}/{owned.Ids[module.Segment]}", module.Body($"OWNER {module.Segment}, renamed").ToJsonString()))
                .AssertStatusAsync(HttpStatusCode.OK);
        }

#if (IncludeProducts)
        var product = $"/api/v2/products/{owned.Ids["products"]}";
        await (await owner.Http.MergePatchAsync(product, """{"name":"OWNER widget, renamed"}""")).AssertStatusAsync(HttpStatusCode.OK);
#endif
        await (await owner.Http.PostAsJsonAsync($"{TestApi.ApiKeys}/{owned.Ids["api-keys"]}/rotate", new { gracePeriodSeconds = 60 }))
            .AssertStatusAsync(HttpStatusCode.Created);
#if (IncludeEvents)
        await (await owner.Http.MergePatchAsync($"{WebhookApi.Webhooks}/{owned.Ids["webhooks"]}", """{"description":"OWNER hooks, renamed"}"""))
            .AssertStatusAsync(HttpStatusCode.OK);
        await owner.Http.PingAndWaitForDeliveryAsync(owned.Ids["webhooks"]);
#endif
    }

    /// <summary>
    /// The collections the walk was not taught (a module's, <c>dotnet new quoinapi-module</c>) that the v2 document says
    /// can be created (POST) and replaced (PUT <c>{id}</c>): the walk seeds and changes one of each through those.
    /// </summary>
    private static async Task<IReadOnlyList<ModuleCollection>> ModuleCollectionsAsync()
    {
        using var anonymous = Factory.CreateClient(apiKey: null);
        var document = new ApiDescriptionDocument(await anonymous.GetStringAsync("/openapi/v2.json"));
        var values = new SchemaValues(document);
        return
        [
            .. from create in document.Operations
               where create.Method == "POST" && create.RequestBody is not null
               let segment = create.Path[(create.Path.LastIndexOf('/') + 1)..]
               where !KnownCollections.Contains(segment) && document.Operations.Any(o => o.Method == "PUT" && o.Path == create.Path + "/{id}")
               select new ModuleCollection(create.Path, segment, document, values, document.Resolve(create.RequestBody!.Content.First().Value)),
        ];
    }

    private static async Task<Dictionary<WalkUrl, Read>> WalkAsync(HttpClient client, IEnumerable<WalkUrl> urls)
    {
        var reads = new Dictionary<WalkUrl, Read>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url.Path);
            reads[url] = new Read(response.StatusCode, Normalize(await response.Content.ReadAsStringAsync()));
        }

        return reads;
    }

    /// <summary>The body without what differs per request: a problem's trace and request ids and the path it echoes.</summary>
    private static string Normalize(string body)
    {
        if (body.Length == 0 || JsonNode.Parse(body) is not JsonObject json)
        {
            return body;
        }

        if (json.ContainsKey("traceId") && json.ContainsKey("status"))
        {
            json.Remove("traceId");
            json.Remove("requestId");
            json.Remove("instance");
        }

        return json.ToJsonString();
    }

    /// <summary>Ids and hashes in a body: values that name one tenant's rows and nothing else.</summary>
    private static IEnumerable<string> Markers(string body) => IdOrHash().Matches(body).Select(match => match.Value);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}")]
    private static partial Regex IdOrHash();

    /// <summary>Every GET route under /api, with the versions it is declared in. Operations routes carry no tenant data.</summary>
    private static List<WalkRoute> GetRoutes()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. endpoints
                .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
                .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
#if (IncludeEvents)

                // A stream never ends, so it cannot be walked; EventStreamTests shows it shows another tenant nothing.
                .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.ProducesAttribute>()?.ContentTypes.Contains("text/event-stream") != true)
#endif
                .Select(e => new WalkRoute(
                    e.RoutePattern,
                    e.Metadata.GetMetadata<ApiVersionMetadata>()?.Map(ApiVersionMapping.Explicit | ApiVersionMapping.Implicit).ImplementedApiVersions
                        .Select(v => v.MajorVersion!.Value).ToArray() ?? [])),
        ];
    }

    private sealed record OwnedResources(IReadOnlyDictionary<string, Guid> Ids, IReadOnlyList<string> Markers);

    /// <summary>A module's collection, and its bodies: the document's valid body with its free text members set to a marker.</summary>
    private sealed record ModuleCollection(string Path, string Segment, ApiDescriptionDocument Document, SchemaValues Values, JsonObject Schema)
    {
        public JsonObject Body(string text)
        {
            var body = (JsonObject)Values.Valid(Schema)!;
            foreach (var (name, member) in Schema["properties"]?.AsObject() ?? [])
            {
                var rule = Document.Resolve(member!);
                var free = SchemaValues.Types(rule).Contains("string") && rule["enum"] is null && rule["format"] is null
                    && (rule["maxLength"]?.GetValue<int>() ?? int.MaxValue) >= text.Length
                    && (rule["pattern"]?.GetValue<string>() is not { } pattern || Regex.IsMatch(text, pattern));
                if (free)
                {
                    body[name] = text;
                }
            }

            return body;
        }
    }

    private sealed record Read(HttpStatusCode Status, string Body);

    private sealed record WalkUrl(string Path, bool NamesAResource)
    {
        public override string ToString() => Path;
    }

    private sealed record WalkRoute(RoutePattern Pattern, int[] Versions)
    {
        public IEnumerable<WalkUrl> Urls(IReadOnlyDictionary<string, Guid> ids)
        {
            Assert.That(Versions, Is.Not.Empty, $"{Pattern.RawText} declares no API version");
            return Versions.Select(version => Url(version, ids));
        }

        private WalkUrl Url(int version, IReadOnlyDictionary<string, Guid> ids)
        {
            var segments = new List<string>();
            foreach (var part in Pattern.PathSegments.Select(segment => segment.Parts))
            {
                var text = string.Concat(part.Select(p => p switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart { Name: "version" } => version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    RoutePatternParameterPart { Name: "id" } => IdFor(segments.LastOrDefault(), ids),
                    RoutePatternParameterPart parameter => throw new AssertionException(
                        $"{Pattern.RawText}: the walk does not know what to put in {{{parameter.Name}}}; teach it."),
                    _ => throw new AssertionException($"{Pattern.RawText}: unexpected route part {p}"),
                }));
                segments.Add(text);
            }

            return new WalkUrl("/" + string.Join('/', segments), Pattern.Parameters.Any(p => p.Name == "id"));
        }

        private string IdFor(string? collection, IReadOnlyDictionary<string, Guid> ids) =>
            collection is not null && ids.TryGetValue(collection, out var id)
                ? id.ToString()
                : throw new AssertionException(
                    $"{Pattern.RawText}: no resource of the owner is known for '{collection}' (known: {string.Join(", ", ids.Keys)}); " +
                    "seed one in SeedAsync and change it in ChangeEverythingAsync (a module's collection is seeded by its documented POST and PUT).");
    }
}
