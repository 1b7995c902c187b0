using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract.Conformance;

/// <summary>
/// Replays requests generated from an OpenAPI document against the running API and checks every response against the
/// same document: the status is documented for the operation, the body has a documented content type and matches its
/// schema. It also checks the document against the validators in both directions: a request the schemas call valid
/// is not refused as malformed, and a request they call invalid is not accepted.
/// </summary>
public sealed class ConformanceRun(QuoinApiFactory factory, ApiDescriptionDocument document, string version)
{
    private readonly SchemaValues _values = new(document);
    private readonly List<string> _violations = [];
    private TenantClient _tenant = null!;
    private HttpClient _admin = null!;
    private HttpClient _unscoped = null!;
#if (IncludeRatePlans)
    private HttpClient _unscopedForUsage = null!;
#else
    private HttpClient _unscopedForAudit = null!;
#endif

    public int Requests { get; private set; }

    public int ResponsesChecked { get; private set; }

    public IReadOnlyList<string> Violations => _violations;

    public SortedDictionary<int, int> Statuses { get; } = [];

    /// <summary>
    /// A tenant with every scope, the platform admin, and two keys with one scope each, chosen so that every operation
    /// is refused to one of them: a scope that only its own routes need, for every other route (<c>usage:read</c>, or
    /// <c>audit:read</c> without rate plans), and a second scope for those routes.
    /// </summary>
    public async Task PrepareAsync()
    {
#if (IncludeRatePlans)
        _tenant = await factory.CreateTenantAsync("Conformance", "enterprise");
        _admin = factory.CreateAdminClient();
        var unscoped = await _tenant.Http.CreateApiKeyAsync(["usage:read"]);
        _unscoped = factory.CreateClient(unscoped.Key);
#if (IncludeEvents)
        _unscopedForUsage = factory.CreateClient((await _tenant.Http.CreateApiKeyAsync(["events:read"])).Key);
#else
        _unscopedForUsage = factory.CreateClient((await _tenant.Http.CreateApiKeyAsync(["audit:read"])).Key);
#endif
#else
        _tenant = await factory.CreateTenantAsync("Conformance");
        _admin = factory.CreateAdminClient();
        var unscoped = await _tenant.Http.CreateApiKeyAsync(["audit:read"]);
        _unscoped = factory.CreateClient(unscoped.Key);
        _unscopedForAudit = factory.CreateClient((await _tenant.Http.CreateApiKeyAsync(["keys:manage"])).Key);
#endif
#if (IncludeProducts)
        await _tenant.Http.CreateProductV2Async("SEEN-1", tags: ["tools"]);
#endif
    }

    public async Task ExerciseAsync(DocumentedOperation operation)
    {
        var query = operation.Parameters.Where(p => p.In == "query").ToArray();
        var body = operation.RequestBody?.Content.First();

        // Valid: the minimal request, then every query parameter and every body member.
        await SendAsync(operation, "valid (required members only)", Valid.Minimal, expectation: Expectation.Accepted);
        await SendAsync(operation, "valid (every parameter and member)", Valid.Full, expectation: Expectation.Accepted);

        foreach (var parameter in query)
        {
            // In a query string every value is text: a number "breaking" a string type is still a string.
            var text = SchemaValues.Types(parameter.Schema).Contains("string");
            foreach (var (keyword, value) in _values.Invalid(parameter.Schema).Where(v => v.Value is not null && !(text && v.Keyword == "type")))
            {
                await SendAsync(operation, $"query {parameter.Name} breaks {keyword}", Valid.Minimal with { Query = [new(parameter.Name, SchemaValues.AsText(value)!)] },
                    Expectation.Refused);
            }
        }

        if (body is { } described && _values.Valid(document.Resolve(described.Value)) is not JsonObject)
        {
            _violations.Add($"{operation}: the request body schema for {described.Key} does not describe a JSON object.");
        }
        else if (body is { } content)
        {
            var schema = document.Resolve(content.Value);
            var full = (JsonObject)_values.Valid(schema)!;
            foreach (var name in SchemaValues.Required(schema))
            {
                var without = (JsonObject)full.DeepClone();
                without.Remove(name);
                await SendAsync(operation, $"body without required {name}", Valid.Full with { Body = without.ToJsonString() }, Expectation.Refused);
            }

            foreach (var (name, member) in schema["properties"]?.AsObject() ?? [])
            {
                foreach (var (keyword, value) in _values.Invalid(member!))
                {
                    var broken = (JsonObject)full.DeepClone();
                    broken[name] = value?.DeepClone();
                    await SendAsync(operation, $"body {name} breaks {keyword}", Valid.Full with { Body = broken.ToJsonString() }, Expectation.Refused);
                }
            }

            var unknown = (JsonObject)full.DeepClone();
            unknown["tenantId"] = Guid.NewGuid().ToString();
            await SendAsync(operation, "body with an unknown member", Valid.Full with { Body = unknown.ToJsonString() }, Expectation.Refused);
            await SendAsync(operation, "body that is not JSON", Valid.Full with { Body = "{\"sku\": " }, Expectation.Refused);
            await SendAsync(operation, "body that is an array", Valid.Full with { Body = "[]" }, Expectation.Refused);
            await SendAsync(operation, "body in an undocumented media type", Valid.Full with { ContentType = "text/plain" }, Expectation.Refused);
            if (operation.RequestBody!.Required)
            {
                await SendAsync(operation, "no body", Valid.Full with { Body = string.Empty }, Expectation.Refused);
            }
        }

        if (operation.Secured)
        {
            await SendAsync(operation, "no credentials", Valid.Full with { Credentials = Credentials.None }, Expectation.Refused);
            if (operation.Responses.ContainsKey("403"))
            {
#if (IncludeRatePlans)
                // Operations open to any authenticated caller (GET /rate-plans) document no 403.
#else
                // Operations open to any authenticated caller document no 403.
#endif
                await SendAsync(operation, "credentials without the scope", Valid.Full with { Credentials = Credentials.Unscoped }, Expectation.Refused);
            }
        }

        if (operation.Parameters.Any(p => p is { In: "path", Name: "id" }))
        {
            await SendAsync(operation, "unknown id", Valid.Full with { Id = Guid.CreateVersion7().ToString() }, Expectation.Refused);
        }

        if (operation.Parameters.Any(p => p.Name == "Idempotency-Key"))
        {
            await SendAsync(operation, "Idempotency-Key breaks maxLength", Valid.Full with { IdempotencyKey = new string('k', 300) }, Expectation.Refused);

            // The same key again: with the same request a replay, with another request a 422.
            var id = operation.Path.Contains("{id}", StringComparison.Ordinal) ? await FreshIdAsync(operation) : null;
            var key = "conformance-" + Guid.NewGuid().ToString("N");
            var first = Valid.Full with { Id = id, IdempotencyKey = key, Body = BodyOf(operation) };
            await SendAsync(operation, "first use of an Idempotency-Key", first, Expectation.Any);
            await SendAsync(operation, "the same Idempotency-Key and request", first, Expectation.Any);
            if (operation.RequestBody is not null)
            {
                await SendAsync(operation, "the same Idempotency-Key with another request", first with { Body = BodyOf(operation) }, Expectation.Any);
            }
        }

        if (operation.RequestBody is not null)
        {
            await SendAsync(operation, "body over the size cap", Valid.Full with { Body = "{\"name\":\"" + new string('x', 1_100_000) + "\"}" }, Expectation.Refused);
            if (operation.Method == "POST" && !operation.Path.Contains("{id}", StringComparison.Ordinal))
            {
                // Twice the same resource: a conflict where the API keeps a value unique (sku), another resource elsewhere.
                var create = BodyOf(operation);
                await SendAsync(operation, "a create", Valid.Full with { Body = create }, Expectation.Any);
                await SendAsync(operation, "the same create again", Valid.Full with { Body = create }, Expectation.Any);
            }
        }

        if (operation.Method == "GET" && operation.Parameters.Any(p => p is { In: "path", Name: "id" }))
        {
            var id = await FreshIdAsync(operation);
            var etag = await EntityTagAsync(operation, id);
            if (etag is not null)
            {
                await SendAsync(operation, "If-None-Match of the current version", Valid.Full with { Id = id, IfNoneMatch = etag }, Expectation.Any);
            }
        }

        if (operation.Parameters.Any(p => p.Name == "If-Match"))
        {
            await SendAsync(operation, "If-Match of another version", Valid.Full with { IfMatch = "\"0\"" /* versions start at 1 */ }, Expectation.Refused);
        }
    }

    public string Summary() =>
        $"{version}: {Requests} requests, {ResponsesChecked} responses checked against the document, {_violations.Count} violations; " +
        $"statuses {string.Join(", ", Statuses.Select(s => $"{s.Key}×{s.Value}"))}";

    private async Task SendAsync(DocumentedOperation operation, string label, Valid variant, Expectation expectation)
    {
        var request = await BuildAsync(operation, variant);
        Requests++;
        using var response = await request.Client.SendAsync(request.Message, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
#if (IncludeEvents)
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            // An endless stream: its status and content type are checked here, its events by the stream's own tests.
            ResponsesChecked++;
            if (!operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var streamed)
                || !streamed.ContainsKey("text/event-stream"))
            {
                _violations.Add($"{operation} [{label}] → {status}: an event stream the document does not describe.");
            }

            if (expectation == Expectation.Refused)
            {
                _violations.Add($"{operation} [{label}] → {status}: a request the document calls invalid was accepted.");
            }

            return;
        }

#endif
        var text = await response.Content.ReadAsStringAsync();
        ResponsesChecked++;
        var where = $"{operation} [{label}] → {status}";

        if (!operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var documented)
            && !operation.Responses.TryGetValue("default", out documented))
        {
            _violations.Add($"{where}: status not documented. {Truncate(text)}");
            return;
        }

        if (expectation == Expectation.Accepted && status is 400 or 415)
        {
            _violations.Add($"{where}: a request the document calls valid was refused as malformed. {Truncate(text)}");
        }

        if (expectation == Expectation.Refused && status is >= 200 and < 300)
        {
            _violations.Add($"{where}: a request the document calls invalid was accepted.");
        }

        if (text.Length == 0)
        {
            if (documented.Count > 0 && status != 304)
            {
                _violations.Add($"{where}: empty body, but the document describes one.");
            }

            return;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (!documented.TryGetValue(mediaType, out var schema))
        {
            _violations.Add($"{where}: content type '{mediaType}' not documented (documented: {string.Join(", ", documented.Keys)}).");
            return;
        }

        if (schema is null)
        {
            _violations.Add($"{where}: the document has no schema for '{mediaType}'.");
            return;
        }

        JsonElement instance;
        try
        {
            using var parsed = JsonDocument.Parse(text);
            instance = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            _violations.Add($"{where}: body is not JSON: {Truncate(text)}");
            return;
        }

        foreach (var error in document.Validate(schema, instance).Take(5))
        {
            _violations.Add($"{where}: {error} in {Truncate(text)}");
        }
    }

    private async Task<(HttpClient Client, HttpRequestMessage Message)> BuildAsync(DocumentedOperation operation, Valid variant)
    {
        var platform = operation.Path.Contains("/tenants", StringComparison.Ordinal);
        var client = variant.Credentials switch
        {
            Credentials.None => factory.CreateClient(apiKey: null),
            Credentials.Unscoped when platform => _tenant.Http,
#if (IncludeRatePlans)
            Credentials.Unscoped => operation.Path.EndsWith("/usage", StringComparison.Ordinal) ? _unscopedForUsage : _unscoped,
#else
            Credentials.Unscoped => operation.Path.Contains("/audit-log", StringComparison.Ordinal) ? _unscopedForAudit : _unscoped,
#endif
            _ => platform ? _admin : _tenant.Http,
        };

        var path = operation.Path;
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            path = path.Replace("{id}", variant.Id ?? await FreshIdAsync(operation), StringComparison.Ordinal);
        }

        var query = variant.Query ?? (variant.AllParameters
            ? [.. operation.Parameters.Where(p => p.In == "query" && p.Name != "pageToken").Select(p => KeyValuePair.Create(p.Name, SchemaValues.AsText(_values.Valid(p.Schema))!))]
            : []);
        var url = path + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}")));
        var message = new HttpRequestMessage(new HttpMethod(operation.Method), url);

        if (operation.RequestBody is { } body)
        {
            var (mediaType, schema) = body.Content.First();
            var json = variant.Body ?? _values.Valid(schema, variant.AllParameters)!.ToJsonString();
            if (json.Length > 0 || variant.Body is null)
            {
                message.Content = new StringContent(json, Encoding.UTF8);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(variant.ContentType ?? mediaType);
            }
        }

        if (operation.Parameters.Any(p => p.Name == "Idempotency-Key"))
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", variant.IdempotencyKey ?? "conformance-" + Guid.NewGuid().ToString("N"));
        }

        if (variant.IfMatch is { } ifMatch)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (variant.IfNoneMatch is { } ifNoneMatch)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (variant.Credentials == Credentials.None)
        {
            message.Headers.Remove("X-Api-Key");
        }

        return (client, message);
    }

    /// <summary>A resource of the path's kind made for this request alone, so deletions and rotations leave the rest intact.</summary>
    private async Task<string> FreshIdAsync(DocumentedOperation operation)
    {
#if (IncludeProducts)
        if (operation.Path.Contains("/products/", StringComparison.Ordinal))
        {
            var (id, etag) = await _tenant.Http.CreateProductV2Async("FRESH-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant());
            if (operation.Path.EndsWith("/restore", StringComparison.Ordinal))
            {
                (await _tenant.Http.SendAsync(HttpMethod.Delete, $"/api/v2/products/{id}", ifMatch: etag)).EnsureSuccessStatusCode();
            }

            return id.ToString();
        }

#endif
        if (operation.Path.Contains("/api-keys/", StringComparison.Ordinal))
        {
            return (await _tenant.Http.CreateApiKeyAsync(["audit:read"])).Id.ToString();
        }

        if (operation.Path.Contains("/tenants/", StringComparison.Ordinal))
        {
            var response = await _admin.PostAsJsonAsync("/api/v2/tenants", new { name = "Fresh" });
            return (await response.ReadJsonAsync()).Id().ToString();
        }

#if (IncludeEvents)
        if (operation.Path.Contains("/webhooks/deliveries/", StringComparison.Ordinal))
        {
            var webhook = await _tenant.Http.CreateWebhookAsync("http://127.0.0.1:9/conformance", ["webhook.ping"]);
            return (await _tenant.Http.PingAndWaitForDeliveryAsync(webhook.Id())).ToString();
        }

        if (operation.Path.Contains("/webhooks/", StringComparison.Ordinal))
        {
            return (await _tenant.Http.CreateWebhookAsync("http://127.0.0.1:9/conformance", ["api_key.created"])).Id().ToString();
        }

#endif
        // Any other resource (a module's, dotnet new quoinapi-module): created through its collection's documented POST.
        var collection = operation.Path[..operation.Path.IndexOf("/{id}", StringComparison.Ordinal)];
        if (document.Operations.FirstOrDefault(o => o.Method == "POST" && o.Path == collection) is { } create)
        {
            using var created = await _tenant.Http.SendAsync(HttpMethod.Post, collection, BodyOf(create));
            return (await created.ReadJsonAsync()).Id().ToString();
        }

        throw new InvalidOperationException($"No fixture for {operation.Path}.");
    }

    /// <summary>A valid body with every member (fresh unique values), as JSON.</summary>
    private string? BodyOf(DocumentedOperation operation) =>
        operation.RequestBody is { } body ? _values.Valid(body.Content.First().Value)!.ToJsonString() : null;

    private async Task<string?> EntityTagAsync(DocumentedOperation operation, string id)
    {
        using var response = await _tenant.Http.GetAsync(operation.Path.Replace("{id}", id, StringComparison.Ordinal));
        return response.Headers.ETag?.ToString();
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private enum Expectation
    {
        Accepted,
        Refused,
        Any,
    }

    private enum Credentials
    {
        Valid,
        None,
        Unscoped,
    }

    /// <summary>How a request differs from the valid one: null members take the valid value.</summary>
    private sealed record Valid(bool AllParameters)
    {
        public static readonly Valid Minimal = new(false);
        public static readonly Valid Full = new(true);

        public List<KeyValuePair<string, string>>? Query { get; init; }

        public string? Body { get; init; }

        public string? ContentType { get; init; }

        public Credentials Credentials { get; init; }

        public string? Id { get; init; }

        public string? IdempotencyKey { get; init; }

        public string? IfMatch { get; init; }

        public string? IfNoneMatch { get; init; }
    }
}
