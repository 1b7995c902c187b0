using System.Net;
using System.Net.Http.Json;
using System.Text;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Behaviors;

/// <summary>
/// docs/http-contract.md#idempotency, Idempotency-Key: replay, 422 for a different request, 409 while in flight, 400 when
/// malformed. On POST /api-keys, which every solution the template generates has (and on the resources with ETags and
/// merge patch where there are some).
/// </summary>
public sealed class IdempotencyTests : FunctionalTestBase
{
    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    private static object Key(string name, string scope = "audit:read") => new { name, scopes = new[] { scope } };

    private static Task<long> KeysNamedAsync(string name) => Factory.Database.ScalarAsync<long>("SELECT count(*) FROM api_keys WHERE name = $1", name);

#if (IncludeProducts)
    private static object Product(string sku, long amountMinor = 1250) => new { sku, name = "Widget", price = new { amountMinor, currency = "EUR" } };
#endif

    [Test]
    public async Task The_same_key_and_request_replays_status_body_and_location()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var first = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("IDEM-1"), "key-1"));
        var second = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("IDEM-1"), "key-1"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(await KeysNamedAsync("IDEM-1"), Is.EqualTo(1));
    }

#if (IncludeProducts)
    [Test]
    public async Task The_same_key_and_request_replays_status_body_location_and_etag()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var first = await tenant.Http.SendAsync(Post("/api/v2/products", Product("IDEM-1"), "key-1"));
        var second = await tenant.Http.SendAsync(Post("/api/v2/products", Product("IDEM-1"), "key-1"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(second.Headers.ETag, Is.EqualTo(first.Headers.ETag));
        Assert.That(await Factory.Database.ScalarAsync<long>("SELECT count(*) FROM products"), Is.EqualTo(1));
    }

#endif
    [Test]
    public async Task The_same_key_with_a_different_request_is_422()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var created = await (await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("IDEM-1"), "key-1"))).JsonAsync();

        var other = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("IDEM-1", scope: "keys:manage"), "key-1"));
        var otherEndpoint = await tenant.Http.SendAsync(Post($"{TestApi.ApiKeys}/{created["id"]!.GetValue<string>()}/rotate", new { gracePeriodSeconds = 60 }, "key-1"));

        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(other.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(otherEndpoint.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await KeysNamedAsync("IDEM-1"), Is.EqualTo(1));
    }

    [TestCase("caf\u00e9")]
    [TestCase("tab\there")]
    [TestCase("\"\"")]
    [TestCase("\"bad\\escape\"")]
    [TestCase("\"inner\"quote\"")]
    public async Task A_malformed_key_is_400_and_nothing_runs(string key)
    {
        using var tenant = await Factory.CreateTenantAsync();
        var request = Post(TestApi.ApiKeys, Key("IDEM-BAD"), key: null);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await tenant.Http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That(await KeysNamedAsync("IDEM-BAD"), Is.Zero);
    }

    [Test]
    public async Task A_key_of_256_characters_is_400_and_255_is_accepted()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var tooLong = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("LONG-1"), new string('k', 256)));
        var longest = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("LONG-2"), new string('k', 255)));

        Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task The_quoted_structured_field_form_is_the_same_key()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var plain = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("SF-1"), "order-42"));
        var quoted = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("SF-1"), "\"order-42\""));

        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(quoted.Header("Idempotent-Replayed"), Is.EqualTo("true"));
    }

    [Test]
    public async Task Keys_are_scoped_to_the_tenant()
    {
        using var a = await Factory.CreateTenantAsync("A");
        using var b = await Factory.CreateTenantAsync("B");

        var inA = await a.Http.SendAsync(Post(TestApi.ApiKeys, Key("SCOPE"), "shared-key"));
        var inB = await b.Http.SendAsync(Post(TestApi.ApiKeys, Key("SCOPE"), "shared-key"));

        Assert.That(inA.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(inB.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(inB.Headers.Contains("Idempotent-Replayed"), Is.False, "Tenant B's request is its own.");
    }

    [Test]
    public async Task Another_key_of_the_same_tenant_cannot_replay_a_stored_response()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new { name = "ci", scopes = new[] { "audit:read" } };
        var first = await tenant.Http.SendAsync(Post("/api/v2/api-keys", body, "secret-key-request"));
        var otherKey = (await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = "other", scopes = new[] { "keys:manage", "audit:read" } })).Body["key"]!.GetValue<string>();
        using var other = Factory.CreateClient(otherKey);

        var replayAttempt = await other.SendAsync(Post("/api/v2/api-keys", body, "secret-key-request"));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(replayAttempt.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "Never the first caller's new secret.");
        Assert.That(await replayAttempt.Content.ReadAsStringAsync(), Does.Not.Contain("qk_"));
    }

    [Test]
    public async Task Twenty_parallel_identical_posts_create_exactly_one_key()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("RACE"), "race-key"))));

        Assert.That(await KeysNamedAsync("RACE"), Is.EqualTo(1));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.That(created.Count(r => !r.Headers.Contains("Idempotent-Replayed")), Is.EqualTo(1), "Exactly one original.");
        Assert.That(responses.All(r => r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict), Is.True,
            string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        Assert.That(bodies.Distinct().Count(), Is.EqualTo(1), "Replays carry the original body.");
    }

    [Test]
    public async Task A_failed_request_does_not_burn_the_key()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var invalid = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key(" "), "retry-key"));
        var conflictFree = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("GOOD"), "retry-key"));

        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(conflictFree.StatusCode, Is.EqualTo(HttpStatusCode.Created), "Nothing was stored for the failed attempt.");
        Assert.That(await Factory.Database.ScalarAsync<long>("SELECT count(*) FROM idempotency_keys"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_replayed_api_key_creation_returns_the_same_key_but_stores_it_encrypted()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var body = new { name = "ci", scopes = new[] { "audit:read" } };

        var first = await (await tenant.Http.SendAsync(Post("/api/v2/api-keys", body, "key-create"))).JsonAsync();
        var replay = await tenant.Http.SendAsync(Post("/api/v2/api-keys", body, "key-create"));
        var secret = first["key"]!.GetValue<string>();

        Assert.That(replay.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That((await replay.JsonAsync())["key"]!.GetValue<string>(), Is.EqualTo(secret));
        var stored = await Factory.Database.ScalarAsync<byte[]>("SELECT response FROM idempotency_keys WHERE key = 'key-create'");
        Assert.That(Encoding.UTF8.GetString(stored!), Does.Not.Contain(secret));
        Assert.That(await Factory.Database.ScalarAsync<bool>("SELECT encrypted FROM idempotency_keys WHERE key = 'key-create'"), Is.True);
    }

#if (IncludeProducts)
    [Test]
    public async Task Patch_honours_the_key_too()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("PATCHY");

        async Task<HttpResponseMessage> Patch(string json)
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v2/products/{id}")
            {
                Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.Add("Idempotency-Key", "patch-key");
            return await tenant.Http.SendAsync(request);
        }

        var first = await Patch("""{"name":"Once"}""");
        var again = await Patch("""{"name":"Once"}""");
        var different = await Patch("""{"name":"Twice"}""");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(again.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(again.Headers.ETag, Is.EqualTo(first.Headers.ETag), "No second write happened.");
        Assert.That(different.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

#endif
    [Test]
    public async Task An_expired_key_is_forgotten_after_24_hours()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("OLD"), "day-key"));

        Factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var reused = await tenant.Http.SendAsync(Post(TestApi.ApiKeys, Key("NEW"), "day-key"));

        Assert.That(reused.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(reused.Headers.Contains("Idempotent-Replayed"), Is.False);
    }
}
