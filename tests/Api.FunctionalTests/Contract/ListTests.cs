using System.Net;
using System.Text.Json.Nodes;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Contract;

/// <summary>
/// docs/http-contract.md#5-lists: keyset pages with signed tokens, sort, filters, full-text search, sparse fieldsets,
/// counts. The paging itself on the API keys and the audit log, which every solution the template generates has, and a
/// resource's own sorts, filters and search where it has some.
/// </summary>
public sealed class ListTests : FunctionalTestBase
{
    private static async Task<List<JsonNode>> ReadAllPagesAsync(HttpClient client, string firstUrl, int maxPages = 50)
    {
        var items = new List<JsonNode>();
        var url = firstUrl;
        for (var page = 0; page < maxPages && url is not null; page++)
        {
            var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var body = await response.JsonAsync();
            items.AddRange(body["items"]!.AsArray().Select(i => i!.DeepClone()));
            var next = body["nextPageToken"]?.GetValue<string>();
            var link = NextLink(response);
            Assert.That(link is not null, Is.EqualTo(next is not null), "Link rel=next exactly when there is a next page.");
            url = link;
        }

        return items;
    }

    /// <summary>The target of <c>Link: &lt;...&gt;; rel="next"</c> (v1 responses also carry deprecation and sunset links).</summary>
    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values)
            ? values.SelectMany(v => v.Split(", <", StringSplitOptions.None))
                .Where(l => l.Contains("rel=\"next\"", StringComparison.Ordinal))
                .Select(l => l.TrimStart('<')[..l.TrimStart('<').IndexOf('>', StringComparison.Ordinal)])
                .SingleOrDefault()
            : null;

    private static async Task CreateKeysAsync(HttpClient client, params string[] names)
    {
        foreach (var name in names)
        {
            await (await client.PostJsonAsync("/api/v2/api-keys", new { name, scopes = new[] { "audit:read" } })).Response.AssertStatusAsync(HttpStatusCode.Created);
        }
    }

    /// <summary>The names of a key list, without the tenant's owner key (where "Owner" sorts depends on the collation).</summary>
    private static List<string> NamesBesidesTheOwner(IEnumerable<JsonNode> items) =>
        [.. items.Select(i => i["name"]!.GetValue<string>()).Where(name => name != "Owner")];

    [Test]
    public async Task Paging_by_name_with_many_equal_names_visits_every_key_exactly_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        // Only three distinct names: the id tiebreaker must keep the order total and stable.
        await CreateKeysAsync(tenant.Http, [.. Enumerable.Range(0, 23).Select(i => $"key-{i % 3}")]);

        var items = await ReadAllPagesAsync(tenant.Http, "/api/v2/api-keys?sort=name&pageSize=5");

        Assert.That(items, Has.Count.EqualTo(24), "23 and the owner key");
        Assert.That(items.Select(i => i["id"]!.GetValue<string>()), Is.Unique);
        Assert.That(NamesBesidesTheOwner(items), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public async Task Descending_name_sort_pages_in_order()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeysAsync(tenant.Http, "delta", "alpha", "echo", "charlie", "bravo", "alpha");

        var names = NamesBesidesTheOwner(await ReadAllPagesAsync(tenant.Http, "/api/v2/api-keys?sort=-name,createdAt&pageSize=2"));

        Assert.That(names, Is.EqualTo(new[] { "echo", "delta", "charlie", "bravo", "alpha", "alpha" }));
    }

    [Test]
    public async Task Default_sort_is_newest_first()
    {
        using var tenant = await Factory.CreateTenantAsync();
        foreach (var name in new[] { "FIRST", "SECOND", "THIRD" })
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await CreateKeysAsync(tenant.Http, name);
        }

        var names = (await ReadAllPagesAsync(tenant.Http, "/api/v2/api-keys")).Select(i => i["name"]!.GetValue<string>());

        Assert.That(names, Is.EqualTo(new[] { "THIRD", "SECOND", "FIRST", "Owner" }));
    }

    [Test]
    public async Task A_tampered_token_is_400_never_500()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeysAsync(tenant.Http, "T-0", "T-1", "T-2");

        var first = await (await tenant.Http.GetAsync("/api/v2/api-keys?pageSize=1")).JsonAsync();
        var token = first["nextPageToken"]!.GetValue<string>();
        var flipped = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];

        foreach (var bad in new[] { flipped, token + "x", "not-a-token", token.Split('.')[0] + ".AAAAAAAAAAAAAAAAAAAAAA", "." })
        {
            var response = await tenant.Http.GetAsync($"/api/v2/api-keys?pageSize=1&pageToken={Uri.EscapeDataString(bad)}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), bad);
            Assert.That((await response.JsonAsync())["errors"]!["pageToken"], Is.Not.Null);
        }
    }

    [Test]
    public async Task A_token_is_bound_to_its_sort_tenant_and_resource()
    {
        using var owner = await Factory.CreateTenantAsync("Owner");
        using var other = await Factory.CreateTenantAsync("Other");
        await CreateKeysAsync(owner.Http, "B-0", "B-1", "B-2");
        await CreateKeysAsync(other.Http, "B-0", "B-1", "B-2");

        var token = Uri.EscapeDataString((await (await owner.Http.GetAsync("/api/v2/api-keys?pageSize=1")).JsonAsync())["nextPageToken"]!.GetValue<string>());

        Assert.Multiple(async () =>
        {
            Assert.That((await owner.Http.GetAsync($"/api/v2/api-keys?pageSize=1&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await owner.Http.GetAsync($"/api/v2/api-keys?pageSize=1&sort=name&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another sort");
            Assert.That((await other.Http.GetAsync($"/api/v2/api-keys?pageSize=1&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another tenant");
            Assert.That((await owner.Http.GetAsync($"/api/v2/audit-log?pageSize=1&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another resource");
        });
    }

    [Test]
    public async Task A_token_is_bound_to_its_filters()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeysAsync(tenant.Http, "F-0", "F-1", "F-2");
        await tenant.Http.WaitForAuditSealingAsync();

        var token = Uri.EscapeDataString((await (await tenant.Http.GetAsync("/api/v2/audit-log?pageSize=1&action=api_key.create")).JsonAsync())["nextPageToken"]!.GetValue<string>());

        Assert.Multiple(async () =>
        {
            Assert.That((await tenant.Http.GetAsync($"/api/v2/audit-log?pageSize=1&action=api_key.create&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await tenant.Http.GetAsync($"/api/v2/audit-log?pageSize=1&action=api_key.revoke&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "other filters");
        });
    }

    [Test]
    public async Task Sparse_fieldsets_return_only_the_asked_members_plus_id()
    {
        using var tenant = await Factory.CreateTenantAsync();

        var body = await (await tenant.Http.GetAsync("/api/v2/api-keys?fields=name,scopes")).JsonAsync();
        var unknown = await tenant.Http.GetAsync("/api/v2/api-keys?fields=name,secret");

        var item = body["items"]![0]!.AsObject();
        Assert.That(item.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "name", "scopes" }));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await unknown.JsonAsync())["errors"]!["fields"], Is.Not.Null);
    }

    [Test]
    public async Task Total_count_is_given_only_when_asked_and_counts_all_pages()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await CreateKeysAsync(tenant.Http, "C-0", "C-1", "C-2", "C-3");

        var counted = await (await tenant.Http.GetAsync("/api/v2/api-keys?pageSize=1&includeTotalCount=true")).JsonAsync();
        var plain = await (await tenant.Http.GetAsync("/api/v2/api-keys?pageSize=1")).JsonAsync();

        Assert.That(counted["totalCount"]!.GetValue<long>(), Is.EqualTo(5), "four and the owner key");
        Assert.That(plain["totalCount"], Is.Null);
    }

    [TestCase("pageSize=0")]
    [TestCase("pageSize=101")]
    [TestCase("pageSize=ten")]
    [TestCase("sort=secret")]
    [TestCase("sort=name,name")]
    [TestCase("fields=secret")]
    [TestCase("includeTotalCount=maybe")]
    public async Task Bad_list_parameters_are_400_problems(string query)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync("/api/v2/api-keys?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That((await response.JsonAsync())["errors"], Is.Not.Null);
    }

#if (IncludeProducts)
    [Test]
    public async Task Paging_by_price_with_many_equal_prices_visits_every_product_exactly_once()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 23; i++)
        {
            // Only three distinct prices: the id tiebreaker must keep the order total and stable.
            await tenant.Http.CreateProductV2Async($"SKU-{i:D2}", amountMinor: 100 * (i % 3));
        }

        var items = await ReadAllPagesAsync(tenant.Http, "/api/v2/products?sort=price&pageSize=5");

        var skus = items.Select(i => i["sku"]!.GetValue<string>()).ToList();
        Assert.That(skus, Has.Count.EqualTo(23));
        Assert.That(skus, Is.Unique);
        var prices = items.Select(i => i["price"]!["amountMinor"]!.GetValue<long>()).ToList();
        Assert.That(prices, Is.Ordered);
    }

    [Test]
    public async Task Descending_product_name_sort_pages_in_order()
    {
        using var tenant = await Factory.CreateTenantAsync();
        foreach (var name in new[] { "delta", "alpha", "echo", "charlie", "bravo", "alpha" })
        {
            await tenant.Http.CreateProductV2Async("SKU-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), name);
        }

        var names = (await ReadAllPagesAsync(tenant.Http, "/api/v2/products?sort=-name,createdAt&pageSize=2"))
            .Select(i => i["name"]!.GetValue<string>()).ToList();

        Assert.That(names, Is.EqualTo(new[] { "echo", "delta", "charlie", "bravo", "alpha", "alpha" }));
    }

    [Test]
    public async Task Default_product_sort_is_newest_first()
    {
        using var tenant = await Factory.CreateTenantAsync();
        foreach (var sku in new[] { "FIRST", "SECOND", "THIRD" })
        {
            await tenant.Http.CreateProductV2Async(sku);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var skus = (await ReadAllPagesAsync(tenant.Http, "/api/v2/products")).Select(i => i["sku"]!.GetValue<string>());

        Assert.That(skus, Is.EqualTo(new[] { "THIRD", "SECOND", "FIRST" }));
    }

    [Test]
    public async Task A_tampered_product_token_is_400_never_500()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 3; i++)
        {
            await tenant.Http.CreateProductV2Async($"T-{i}");
        }

        var first = await (await tenant.Http.GetAsync("/api/v2/products?pageSize=1")).JsonAsync();
        var token = first["nextPageToken"]!.GetValue<string>();
        var flipped = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];

        foreach (var bad in new[] { flipped, token + "x", "not-a-token", token.Split('.')[0] + ".AAAAAAAAAAAAAAAAAAAAAA", "." })
        {
            var response = await tenant.Http.GetAsync($"/api/v2/products?pageSize=1&pageToken={Uri.EscapeDataString(bad)}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), bad);
            Assert.That((await response.JsonAsync())["errors"]!["pageToken"], Is.Not.Null);
        }
    }

    [Test]
    public async Task A_token_is_bound_to_its_sort_filters_and_tenant()
    {
        using var owner = await Factory.CreateTenantAsync("Owner");
        using var other = await Factory.CreateTenantAsync("Other");
        for (var i = 0; i < 3; i++)
        {
            await owner.Http.CreateProductV2Async($"B-{i}", tags: ["x"]);
            await other.Http.CreateProductV2Async($"B-{i}", tags: ["x"]);
        }

        var token = Uri.EscapeDataString((await (await owner.Http.GetAsync("/api/v2/products?pageSize=1&tag=x")).JsonAsync())["nextPageToken"]!.GetValue<string>());

        Assert.Multiple(async () =>
        {
            Assert.That((await owner.Http.GetAsync($"/api/v2/products?pageSize=1&tag=x&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await owner.Http.GetAsync($"/api/v2/products?pageSize=1&tag=y&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "other filters");
            Assert.That((await owner.Http.GetAsync($"/api/v2/products?pageSize=1&tag=x&sort=name&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another sort");
            Assert.That((await other.Http.GetAsync($"/api/v2/products?pageSize=1&tag=x&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another tenant");
            Assert.That((await owner.Http.GetAsync($"/api/v2/api-keys?pageSize=1&pageToken={token}")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "another resource");
        });
    }

    [Test]
    public async Task Filters_narrow_the_list()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductV2Async("CHEAP", "Blue widget", amountMinor: 500, tags: ["blue"], description: "small and cheerful");
        await tenant.Http.CreateProductV2Async("MID", "Red gadget", amountMinor: 1500, tags: ["red"]);
        await tenant.Http.CreateProductV2Async("DEAR", "Green gizmo", amountMinor: 9900, tags: ["green", "blue"]);

        async Task<string[]> Skus(string query) =>
            [.. (await ReadAllPagesAsync(tenant.Http, "/api/v2/products?sort=sku&" + query)).Select(i => i["sku"]!.GetValue<string>())];

        Assert.Multiple(async () =>
        {
            Assert.That(await Skus("sku=MID"), Is.EqualTo(new[] { "MID" }));
            Assert.That(await Skus("tag=blue"), Is.EqualTo(new[] { "CHEAP", "DEAR" }));
            Assert.That(await Skus("minPrice=10.00"), Is.EqualTo(new[] { "DEAR", "MID" }));
            Assert.That(await Skus("maxPrice=15"), Is.EqualTo(new[] { "CHEAP", "MID" }));
            Assert.That(await Skus("minPrice=5&maxPrice=15.00"), Is.EqualTo(new[] { "CHEAP", "MID" }));
            Assert.That(await Skus("q=widgets"), Is.EqualTo(new[] { "CHEAP" }), "Stemmed full-text search over the name.");
            Assert.That(await Skus("q=cheerful"), Is.EqualTo(new[] { "CHEAP" }), "...and the description.");
            Assert.That(await Skus("q=gadget%20OR%20gizmo"), Is.EqualTo(new[] { "DEAR", "MID" }), "Web search syntax.");
        });
    }

    [Test]
    public async Task Created_after_and_before_filter_by_creation_time()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductV2Async("OLD");
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var middle = Factory.Clock.GetUtcNow();
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await tenant.Http.CreateProductV2Async("NEW");
        var stamp = Uri.EscapeDataString(middle.ToString("O"));

        var after = await ReadAllPagesAsync(tenant.Http, $"/api/v2/products?createdAfter={stamp}");
        var before = await ReadAllPagesAsync(tenant.Http, $"/api/v2/products?createdBefore={stamp}");

        Assert.That(after.Select(i => i["sku"]!.GetValue<string>()), Is.EqualTo(new[] { "NEW" }));
        Assert.That(before.Select(i => i["sku"]!.GetValue<string>()), Is.EqualTo(new[] { "OLD" }));
    }

    [Test]
    public async Task Include_deleted_needs_write_scope_and_shows_deleted_products()
    {
        using var tenant = await Factory.CreateTenantAsync();
        var (id, _) = await tenant.Http.CreateProductV2Async("GONE");
        await tenant.Http.DeleteAsync($"/api/v2/products/{id}");
        var readOnlyKey = (await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = "ro", scopes = new[] { "products:read" } })).Body["key"]!.GetValue<string>();
        using var reader = Factory.CreateClient(readOnlyKey);

        var withDeleted = await ReadAllPagesAsync(tenant.Http, "/api/v2/products?includeDeleted=true");
        var withoutDeleted = await ReadAllPagesAsync(tenant.Http, "/api/v2/products");
        var forbidden = await reader.GetAsync("/api/v2/products?includeDeleted=true");

        Assert.That(withDeleted.Select(i => i["sku"]!.GetValue<string>()), Is.EqualTo(new[] { "GONE" }));
        Assert.That(withDeleted[0]["deletedAt"], Is.Not.Null);
        Assert.That(withoutDeleted, Is.Empty);
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Product_sparse_fieldsets_return_only_the_asked_members_plus_id()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateProductV2Async("FIELDS");

        var body = await (await tenant.Http.GetAsync("/api/v2/products?fields=sku,price")).JsonAsync();
        var unknown = await tenant.Http.GetAsync("/api/v2/products?fields=sku,secret");

        var item = body["items"]![0]!.AsObject();
        Assert.That(item.Select(p => p.Key), Is.EquivalentTo(new[] { "id", "sku", "price" }));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await unknown.JsonAsync())["errors"]!["fields"], Is.Not.Null);
    }

    [Test]
    public async Task Product_total_count_is_given_only_when_asked_and_counts_all_pages()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 4; i++)
        {
            await tenant.Http.CreateProductV2Async($"C-{i}");
        }

        var counted = await (await tenant.Http.GetAsync("/api/v2/products?pageSize=1&includeTotalCount=true")).JsonAsync();
        var plain = await (await tenant.Http.GetAsync("/api/v2/products?pageSize=1")).JsonAsync();

        Assert.That(counted["totalCount"]!.GetValue<long>(), Is.EqualTo(4));
        Assert.That(plain["totalCount"], Is.Null);
    }

    [TestCase("sort=price,price")]
    [TestCase("minPrice=cheap")]
    [TestCase("createdAfter=yesterday")]
    [TestCase("minPrice=10&maxPrice=5")]
    public async Task Bad_product_list_parameters_are_400_problems(string query)
    {
        using var tenant = await Factory.CreateTenantAsync();

        var response = await tenant.Http.GetAsync("/api/v2/products?" + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(ResponseAssertions.ProblemContentType));
        Assert.That((await response.JsonAsync())["errors"], Is.Not.Null);
    }

#endif
    [Test]
    public async Task Api_keys_use_the_same_envelope_and_paging()
    {
        using var tenant = await Factory.CreateTenantAsync();
        for (var i = 0; i < 4; i++)
        {
            await tenant.Http.PostJsonAsync("/api/v2/api-keys", new { name = $"key-{i}", scopes = new[] { "audit:read" } });
        }

        var keys = await ReadAllPagesAsync(tenant.Http, "/api/v2/api-keys?pageSize=2&sort=name");

        Assert.That(keys.Select(k => k["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Owner", "key-0", "key-1", "key-2", "key-3" }));
    }
}
