using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ListProducts;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;
using Microsoft.Extensions.DependencyInjection;

namespace QuoinApi.Application.IntegrationTests.Products.ListProducts;

/// <summary>The product list on PostgreSQL: its filters, full-text search, keyset paging, ordering and collation.</summary>
public sealed class ListProductsHandlerTests : IntegrationTestBase
{
    private static readonly DateTimeOffset Now = TestData.Now;

    private Guid _tenantId;
    private Guid? _callerTenantId;
    private string[] _callerScopes = [];

    private static KeysetPager Pager => IntegrationTestSetup.Services.GetRequiredService<KeysetPager>();

    private static IPageTokenProtector PageTokens => IntegrationTestSetup.Services.GetRequiredService<IPageTokenProtector>();

    [SetUp]
    public async Task SeedTenantAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        ActAsTenant(_tenantId, Scopes.ProductsRead);
    }

    private void ActAsTenant(Guid tenantId, params string[] scopes) => (_callerTenantId, _callerScopes) = (tenantId, scopes);

    /// <summary>Seeds one product per index, one after the other.</summary>
    private static async Task<List<Product>> SeedEach(int count, Func<int, Task<Product>> seed)
    {
        var products = new List<Product>();
        for (var i = 0; i < count; i++)
        {
            products.Add(await seed(i));
        }

        return products;
    }

    private Task<Result<ListResult<ProductDto>>> List(ListRequest? list = null, ProductFilter? filter = null) =>
        HandleAsync(new ListProductsQuery(list ?? ListRequest.Default, filter ?? ProductFilter.None), _callerTenantId, _callerScopes);

    private Task<Product> Seed(
        string sku, decimal price = 10m, string name = "Widget", string? description = null, string[]? tags = null,
        DateTimeOffset? createdAt = null, bool deleted = false, Guid? tenantId = null) =>
        TestData.SeedProductAsync(tenantId ?? _tenantId, new ProductDetails(sku, name, description, price, "EUR", tags ?? []), createdAt, deleted);

    /// <summary>23 products whose names, prices and creation times repeat, so every sort has runs of equal keys.</summary>
    private Task<List<Product>> SeedCatalogue()
    {
        string[] names = ["Anvil", "bolt", "Chisel"];
        decimal[] prices = [5m, 10m, 10.5m, 10m];
        return TestData.SeedProductsAsync(_tenantId, Enumerable.Range(0, 23).Select(i => (
            new ProductDetails($"SKU-{(i * 7) % 23:D2}", names[i % names.Length], null, prices[i % prices.Length], "EUR", []),
            (DateTimeOffset?)Now.AddMinutes(-(i / 4)), false)));
    }

    /// <summary>The order the sort asks for, computed independently: text as the database collates it, then by id.</summary>
    private static async Task<List<Guid>> ExpectedOrder(IEnumerable<Product> products, string sort)
    {
        var ordered = products.ToList();
        var text = await DatabaseCollation.ComparerForAsync(ordered.SelectMany(p => new[] { p.Name, p.Sku }));
        var sortKeys = new Dictionary<string, Comparison<Product>>(StringComparer.Ordinal)
        {
            ["name"] = (a, b) => text.Compare(a.Name, b.Name),
            ["sku"] = (a, b) => text.Compare(a.Sku, b.Sku),
            ["price"] = (a, b) => a.Price.CompareTo(b.Price),
            ["createdAt"] = (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
            ["updatedAt"] = (a, b) => a.UpdatedAt.CompareTo(b.UpdatedAt),
        };
        var keys = sort.Split(',').Select(k => (Descending: k.StartsWith('-'), Compare: sortKeys[k.TrimStart('-')])).ToList();
        keys.Add((keys[^1].Descending, (a, b) => a.Id.CompareTo(b.Id)));
        ordered.Sort((a, b) =>
        {
            foreach (var (descending, compare) in keys)
            {
                var comparison = compare(a, b);
                if (comparison != 0)
                {
                    return descending ? -comparison : comparison;
                }
            }

            return 0;
        });
        return [.. ordered.Select(p => p.Id)];
    }

    [Test]
    public async Task Lists_live_products_of_the_tenant_newest_first()
    {
        var oldest = await Seed("A", createdAt: Now.AddHours(-3));
        var newest = await Seed("C", createdAt: Now.AddHours(-1));
        var middle = await Seed("B", createdAt: Now.AddHours(-2));
        await Seed("DELETED", createdAt: Now, deleted: true);
        await Seed("OTHER", createdAt: Now, tenantId: (await TestData.SeedTenantAsync("Globex")).Id);

        var list = ResultAssert.Succeeded(await List());

        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
        Assert.That(list.NextPageToken, Is.Null);
        Assert.That(list.TotalCount, Is.Null, "counted only when asked");
    }

    [Test]
    public async Task Products_created_at_the_same_instant_are_ordered_by_id_descending()
    {
        Guid[] ids = [.. (await SeedEach(4, i => Seed($"SKU-{i}"))).Select(p => p.Id)];

        var list = ResultAssert.Succeeded(await List());

        // A stable tie-break keeps pages from overlapping when timestamps collide.
        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(ids.OrderDescending()));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest_and_offers_the_next_page()
    {
        for (var i = 0; i < 5; i++)
        {
            await Seed($"SKU-{i}", createdAt: Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 2)));

        Assert.That(list.Items.Select(p => p.Sku), Is.EqualTo(new[] { "SKU-4", "SKU-3" }));
        Assert.That(list.NextPageToken, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public async Task Caller_without_a_tenant_sees_no_products()
    {
        await Seed("SKU-1");
        (_callerTenantId, _callerScopes) = (null, [Scopes.PlatformAdmin]);

        var list = ResultAssert.Succeeded(await List(new ListRequest(IncludeTotalCount: true)));

        Assert.That(list.Items, Is.Empty);
        Assert.That(list.TotalCount, Is.Zero);
    }

    [Test]
    public async Task No_products_is_one_empty_page_without_a_token()
    {
        var list = ResultAssert.Succeeded(await List(new ListRequest(IncludeTotalCount: true)));

        Assert.That(list.Items, Is.Empty);
        Assert.That(list.NextPageToken, Is.Null);
        Assert.That(list.TotalCount, Is.Zero);
    }

    // --- Keyset paging ---------------------------------------------------------------------------------------------

    [Test]
    public async Task Paging_with_the_tokens_returns_every_product_once_in_sort_order(
        [Values("-createdAt", "createdAt", "name", "-name,createdAt", "price,-name", "-price", "sku", "-updatedAt,price")] string sort,
        [Values(1, 4, 5, 22, 23, 100)] int pageSize)
    {
        var products = await SeedCatalogue();

        var pages = await Pages.WalkAsync(token => List(new ListRequest(pageSize, token, sort)));

        Pages.AssertWellFormed(pages, pageSize, products.Count);
        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(await ExpectedOrder(products, sort)));
    }

    [Test]
    public async Task Every_filter_and_the_longest_sort_page_through_exactly_the_matching_products_in_order()
    {
        // The largest query shape the list compiles: six filter values, six sort keys from the page token, the page
        // size and soft delete lifted. Deleted products may share a sku, so the sku filter can match several.
        ActAsTenant(_tenantId, Scopes.ProductsRead, Scopes.ProductsWrite);
        var products = new List<Product>();
        for (var i = 0; i < 12; i++)
        {
            products.Add(await Seed("DUP", price: 5m + (i % 4), name: i % 3 == 0 ? "Anvil" : "bolt", tags: i % 5 == 0 ? ["other"] : ["tools"],
                createdAt: Now.AddMinutes(-i), deleted: i != 0));
        }

        await Seed("OTHER", price: 6m, tags: ["tools"], createdAt: Now.AddMinutes(-3));
        var filter = new ProductFilter(Sku: "DUP", Tag: "tools", MinPrice: 6m, MaxPrice: 8m,
            CreatedAfter: Now.AddMinutes(-11), CreatedBefore: Now.AddSeconds(1), IncludeDeleted: true);
        const string Sort = "name,-price,sku,createdAt,-updatedAt";
        var matching = products.Where(p => p.Tags.Contains("tools") && p.Price is >= 6m and <= 8m
                                            && p.CreatedAt > Now.AddMinutes(-11) && p.CreatedAt < Now.AddSeconds(1)).ToList();

        var pages = await Pages.WalkAsync(token => List(new ListRequest(2, token, Sort), filter));

        Pages.AssertWellFormed(pages, 2, matching.Count);
        Assert.That(matching, Has.Count.GreaterThan(4), "enough rows for several pages");
        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(await ExpectedOrder(matching, Sort)));
    }

    [Test]
    public async Task Default_sort_is_newest_first()
    {
        var products = await SeedCatalogue();

        var pages = await Pages.WalkAsync(token => List(new ListRequest(PageSize: 6, PageToken: token)));

        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(await ExpectedOrder(products, "-createdAt")));
    }

    [Test]
    public async Task Products_with_every_sort_key_equal_are_paged_by_id_without_gaps_or_repeats()
    {
        var products = await SeedEach(12, i => Seed($"SKU-{i:D2}", price: 7m, name: "Same"));

        var pages = await Pages.WalkAsync(token => List(new ListRequest(5, token, "price,name,createdAt")));

        Pages.AssertWellFormed(pages, 5, 12);
        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(products.Select(p => p.Id).Order()));
    }

    [Test]
    public async Task Page_size_may_change_between_pages()
    {
        var products = await SeedCatalogue();
        var first = ResultAssert.Succeeded(await List(new ListRequest(3, Sort: "name")));

        var rest = await Pages.WalkAsync(token => List(new ListRequest(10, token ?? first.NextPageToken, "name")));

        Assert.That(first.Items.Concat(rest.SelectMany(p => p.Items)).Select(p => p.Id), Is.EqualTo(await ExpectedOrder(products, "name")));
    }

    [Test]
    public async Task Next_page_continues_after_the_last_item_even_when_rows_change_in_between()
    {
        var products = await SeedEach(6, i => Seed($"SKU-{i}", createdAt: Now.AddMinutes(-i)));
        var first = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 3)));

        // A product of the first page is deleted and a newer one is added: an offset would skip or repeat a row.
        products[0].Delete(Now);
        await TestData.UpdateAsync(products[0]);
        await Seed("SKU-NEW", createdAt: Now.AddMinutes(1));
        var second = ResultAssert.Succeeded(await List(new ListRequest(3, first.NextPageToken)));

        Assert.That(first.Items.Select(p => p.Sku), Is.EqualTo(new[] { "SKU-0", "SKU-1", "SKU-2" }));
        Assert.That(second.Items.Select(p => p.Sku), Is.EqualTo(new[] { "SKU-3", "SKU-4", "SKU-5" }));
        Assert.That(second.NextPageToken, Is.Null);
    }

    [Test]
    public async Task Last_item_of_an_exactly_full_page_gives_no_token()
    {
        await Seed("SKU-1");
        await Seed("SKU-2");

        var list = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 2)));

        Assert.That(list.Items, Has.Count.EqualTo(2));
        Assert.That(list.NextPageToken, Is.Null);
    }

    // --- Sort --------------------------------------------------------------------------------------------------------

    [Test]
    public async Task Sort_by_price_then_name_descending()
    {
        var cheapB = await Seed("S1", price: 5m, name: "B");
        var cheapA = await Seed("S2", price: 5m, name: "A");
        var dear = await Seed("S3", price: 99.99m, name: "C");

        var list = ResultAssert.Succeeded(await List(new ListRequest(Sort: "price,-name")));

        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(new[] { cheapB.Id, cheapA.Id, dear.Id }));
    }

    [TestCase("id")]
    [TestCase("description")]
    [TestCase("name,name")]
    [TestCase("-")]
    [TestCase("name,")]
    public async Task Sort_outside_the_whitelist_is_a_validation_error_on_sort(string sort)
    {
        await Seed("SKU-1");

        var error = ResultAssert.Failed(await List(new ListRequest(Sort: sort)), ErrorKind.Validation, "validation_failed");

        Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "sort" }));
    }

    // --- Page tokens -------------------------------------------------------------------------------------------------

    private async Task<string> FirstPageToken(string? sort = null, ProductFilter? filter = null)
    {
        var page = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, Sort: sort), filter));
        Assert.That(page.NextPageToken, Is.Not.Null, "the test needs a second page");
        return page.NextPageToken!;
    }

    private async Task AssertInvalidToken(string token, string? sort = null, ProductFilter? filter = null)
    {
        var error = ResultAssert.Failed(await List(new ListRequest(PageSize: 1, PageToken: token, Sort: sort), filter), ErrorKind.Validation, "validation_failed");
        Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "pageToken" }));
        Assert.That(error, Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [TestCase("garbage")]
    [TestCase(".")]
    [TestCase("e30.fake00000000")]
    [TestCase("e30")]
    public async Task Token_not_minted_by_the_service_is_rejected(string token)
    {
        await Seed("SKU-1");

        await AssertInvalidToken(token);
    }

    [Test]
    public async Task Altered_token_is_rejected()
    {
        await Seed("SKU-1");
        await Seed("SKU-2");
        var token = await FirstPageToken();

        // Not the payload's last character: its low bits may be padding that decoding ignores.
        foreach (var position in new[] { 0, 1, token.Length / 3, token.Length - 1 })
        {
            var altered = token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];
            await AssertInvalidToken(altered);
        }
    }

    [Test]
    public async Task Token_minted_for_another_tenant_is_rejected()
    {
        var globex = (await TestData.SeedTenantAsync("Globex")).Id;
        await Seed("SKU-1", tenantId: globex);
        await Seed("SKU-2", tenantId: globex);
        await Seed("SKU-1");
        await Seed("SKU-2");
        ActAsTenant(globex, Scopes.ProductsRead);
        var globexToken = await FirstPageToken();

        ActAsTenant(_tenantId, Scopes.ProductsRead);

        await AssertInvalidToken(globexToken);
    }

    [Test]
    public async Task Token_minted_for_other_filters_is_rejected()
    {
        await Seed("SKU-1", tags: ["tools"], price: 1m);
        await Seed("SKU-2", tags: ["tools"], price: 2m);
        var token = await FirstPageToken(filter: new ProductFilter(Tag: "tools"));

        await AssertInvalidToken(token);
        await AssertInvalidToken(token, filter: new ProductFilter(Tag: "metal"));
        await AssertInvalidToken(token, filter: new ProductFilter(Tag: "tools", MinPrice: 0m));
        ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, PageToken: token), new ProductFilter(Tag: "tools")));
    }

    [Test]
    public async Task Token_minted_for_another_sort_is_rejected()
    {
        await Seed("SKU-1");
        await Seed("SKU-2");
        var token = await FirstPageToken(sort: "name");

        await AssertInvalidToken(token, sort: "-name");
        await AssertInvalidToken(token, sort: "price");
        await AssertInvalidToken(token, sort: "name,price");
        await AssertInvalidToken(token);
    }

    [Test]
    public async Task Token_of_the_default_sort_is_valid_with_the_default_sort_spelled_out()
    {
        await Seed("SKU-1", createdAt: Now);
        await Seed("SKU-2", createdAt: Now.AddMinutes(-1));
        var token = await FirstPageToken();

        var page = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, PageToken: token, Sort: "-createdAt")));

        Assert.That(page.Items.Single().Sku, Is.EqualTo("SKU-2"));
    }

    [Test]
    public async Task Token_minted_for_another_resource_is_rejected()
    {
        var tokenOfTenantList = Pager.TokenAfter(
            KeysetPager.Fingerprint(PageBinding.Of("tenants", tenantId: null), [new SortKey("createdAt", true)]),
            [Now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.CreateVersion7().ToString("N")]);
        await Seed("SKU-1");

        await AssertInvalidToken(tokenOfTenantList);
    }

    private string FingerprintOfDefaultList() =>
        KeysetPager.Fingerprint(PageBinding.Of("products", _tenantId, ProductFilter.None), [new SortKey("createdAt", true)]);

    [Test]
    public async Task Token_rebuilt_with_the_right_binding_is_accepted()
    {
        var newer = await Seed("SKU-1", createdAt: Now);
        var older = await Seed("SKU-2", createdAt: Now.AddMinutes(-1));
        var token = Pager.TokenAfter(FingerprintOfDefaultList(), [newer.CreatedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), newer.Id.ToString("N")]);

        var page = ResultAssert.Succeeded(await List(new ListRequest(PageToken: token)));

        Assert.That(page.Items.Select(p => p.Id), Is.EqualTo(new[] { older.Id }));
    }

    [TestCase("{}")]
    [TestCase("null")]
    [TestCase("[]")]
    [TestCase("not json")]
    public async Task Signed_token_with_an_unreadable_payload_is_rejected(string payload)
    {
        await Seed("SKU-1");

        await AssertInvalidToken(PageTokens.Protect(System.Text.Encoding.UTF8.GetBytes(payload)));
    }

    [Test]
    public async Task Signed_token_with_the_wrong_number_of_key_values_is_rejected()
    {
        await Seed("SKU-1");

        await AssertInvalidToken(Pager.TokenAfter(FingerprintOfDefaultList(), [Guid.CreateVersion7().ToString("N")]));
        await AssertInvalidToken(Pager.TokenAfter(FingerprintOfDefaultList(), ["1", Guid.CreateVersion7().ToString("N"), "x"]));
    }

    [TestCase("not-ticks", "0196a3a0b1c27d00a000000000000001")]
    [TestCase("99999999999999999999999", "0196a3a0b1c27d00a000000000000001")]
    [TestCase("638765000000000000", "not-a-guid")]
    [TestCase("638765000000000000", "0196a3a0-b1c2-7d00-a000-000000000001")]
    public async Task Signed_token_with_unparsable_key_values_is_rejected(string createdAt, string id)
    {
        await Seed("SKU-1");

        await AssertInvalidToken(Pager.TokenAfter(FingerprintOfDefaultList(), [createdAt, id]));
    }

    // --- Total count -------------------------------------------------------------------------------------------------

    [Test]
    public async Task Total_count_is_the_whole_filtered_list_on_every_page()
    {
        await SeedCatalogue();
        await Seed("SKU-DELETED", deleted: true);
        await Seed("SKU-OTHER", tenantId: (await TestData.SeedTenantAsync("Globex")).Id);

        var pages = await Pages.WalkAsync(token => List(new ListRequest(10, token, IncludeTotalCount: true)));
        var cheap = ResultAssert.Succeeded(await List(new ListRequest(2, IncludeTotalCount: true), new ProductFilter(MaxPrice: 5m)));

        Assert.That(pages.Select(p => p.TotalCount), Is.EqualTo(new long?[] { 23, 23, 23 }));
        Assert.That(cheap.TotalCount, Is.EqualTo(6));
        Assert.That(cheap.Items, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Total_count_is_absent_unless_asked_for()
    {
        await SeedCatalogue();

        var pages = await Pages.WalkAsync(token => List(new ListRequest(10, token)));

        Assert.That(pages.Select(p => p.TotalCount), Has.All.Null);
    }

    // --- Filters -----------------------------------------------------------------------------------------------------

    private async Task<string[]> SkusMatching(ProductFilter filter, string sort = "sku")
    {
        var pages = await Pages.WalkAsync(token => List(new ListRequest(2, token, sort), filter));
        return [.. pages.SelectMany(p => p.Items).Select(p => p.Sku)];
    }

    [Test]
    public async Task Sku_filter_matches_the_exact_sku()
    {
        await Seed("SKU-1");
        await Seed("SKU-10");
        await Seed("SKU-1", deleted: true);

        Assert.That(await SkusMatching(new ProductFilter(Sku: "SKU-1")), Is.EqualTo(new[] { "SKU-1" }));
        Assert.That(await SkusMatching(new ProductFilter(Sku: "sku-1")), Is.Empty);
        Assert.That(await SkusMatching(new ProductFilter(Sku: "SKU")), Is.Empty);
    }

    [Test]
    public async Task Tag_filter_matches_products_holding_the_tag()
    {
        await Seed("A", tags: ["tools", "metal"]);
        await Seed("B", tags: ["metal"]);
        await Seed("C", tags: ["toolset"]);
        await Seed("D");

        Assert.That(await SkusMatching(new ProductFilter(Tag: "metal")), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(await SkusMatching(new ProductFilter(Tag: "tools")), Is.EqualTo(new[] { "A" }));
        Assert.That(await SkusMatching(new ProductFilter(Tag: "Tools")), Is.Empty);
    }

    [Test]
    public async Task Price_filters_are_inclusive_bounds()
    {
        await Seed("A", price: 9.99m);
        await Seed("B", price: 10m);
        await Seed("C", price: 15.5m);
        await Seed("D", price: 20m);
        await Seed("E", price: 20.01m);

        Assert.That(await SkusMatching(new ProductFilter(MinPrice: 10m)), Is.EqualTo(new[] { "B", "C", "D", "E" }));
        Assert.That(await SkusMatching(new ProductFilter(MaxPrice: 20m)), Is.EqualTo(new[] { "A", "B", "C", "D" }));
        Assert.That(await SkusMatching(new ProductFilter(MinPrice: 10m, MaxPrice: 20m)), Is.EqualTo(new[] { "B", "C", "D" }));
        Assert.That(await SkusMatching(new ProductFilter(MinPrice: 15.50m, MaxPrice: 15.5m)), Is.EqualTo(new[] { "C" }));
    }

    [Test]
    public async Task Creation_filters_are_exclusive_bounds()
    {
        await Seed("A", createdAt: Now.AddHours(-2));
        await Seed("B", createdAt: Now.AddHours(-1));
        await Seed("C", createdAt: Now);
        await Seed("D", createdAt: Now.AddHours(1));

        Assert.That(await SkusMatching(new ProductFilter(CreatedAfter: Now.AddHours(-1))), Is.EqualTo(new[] { "C", "D" }));
        Assert.That(await SkusMatching(new ProductFilter(CreatedBefore: Now)), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(await SkusMatching(new ProductFilter(CreatedAfter: Now.AddHours(-2), CreatedBefore: Now.AddHours(1))), Is.EqualTo(new[] { "B", "C" }));
        Assert.That(await SkusMatching(new ProductFilter(CreatedAfter: Now.AddTicks(-1), CreatedBefore: Now.AddTicks(1))), Is.EqualTo(new[] { "C" }));
    }

    [Test]
    public async Task Q_searches_name_and_description_through_the_text_search()
    {
        await Seed("A", name: "Steel hammer", description: "For nails");
        await Seed("B", name: "Rubber mallet", description: "Soft HAMMER for tiles");
        await Seed("C", name: "Hammock", description: null);
        await Seed("D", name: "Screwdriver", description: "steel tip");

        Assert.That(await SkusMatching(new ProductFilter(Q: "hammer")), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(await SkusMatching(new ProductFilter(Q: "STEEL")), Is.EqualTo(new[] { "A", "D" }));
        Assert.That(await SkusMatching(new ProductFilter(Q: "steel hammer")), Is.EqualTo(new[] { "A" }));
        Assert.That(await SkusMatching(new ProductFilter(Q: "drill")), Is.Empty);
        Assert.That(TextSearches.Searches, Has.All.Not.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Blank_q_does_not_search(string q)
    {
        await Seed("A");
        await Seed("B");

        Assert.That(await SkusMatching(new ProductFilter(Q: q)), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(TextSearches.Searches, Is.Empty);
    }

    [Test]
    public async Task Filters_combine()
    {
        await Seed("A", price: 5m, tags: ["tools"], name: "Small hammer", createdAt: Now.AddHours(-1));
        await Seed("B", price: 50m, tags: ["tools"], name: "Big hammer", createdAt: Now.AddHours(-1));
        await Seed("C", price: 5m, tags: ["garden"], name: "Small hammer", createdAt: Now.AddHours(-1));
        await Seed("D", price: 5m, tags: ["tools"], name: "Small saw", createdAt: Now.AddHours(-1));
        await Seed("E", price: 5m, tags: ["tools"], name: "Small hammer", createdAt: Now.AddHours(-3));

        var filter = new ProductFilter(Tag: "tools", MaxPrice: 10m, Q: "hammer", CreatedAfter: Now.AddHours(-2));

        Assert.That(await SkusMatching(filter), Is.EqualTo(new[] { "A" }));
    }

    [Test]
    public async Task Paging_through_a_filtered_list_keeps_the_filter()
    {
        var products = await SeedCatalogue();
        var expected = await ExpectedOrder(products.Where(p => p.Price >= 10m), "-price");

        var pages = await Pages.WalkAsync(token => List(new ListRequest(3, token, "-price", IncludeTotalCount: true), new ProductFilter(MinPrice: 10m)));

        Pages.AssertWellFormed(pages, 3, expected.Count);
        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(expected));
        Assert.That(pages.Select(p => p.TotalCount), Has.All.EqualTo(expected.Count));
    }

    [Test]
    public async Task Include_deleted_with_products_write_lists_deleted_products_too()
    {
        ActAsTenant(_tenantId, Scopes.ProductsRead, Scopes.ProductsWrite);
        var live = await Seed("A", createdAt: Now.AddMinutes(-1));
        var deleted = await Seed("B", createdAt: Now.AddMinutes(-2), deleted: true);
        await Seed("C", tenantId: (await TestData.SeedTenantAsync("Globex")).Id, deleted: true);

        var list = ResultAssert.Succeeded(await List(new ListRequest(IncludeTotalCount: true), new ProductFilter(IncludeDeleted: true)));

        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(new[] { live.Id, deleted.Id }), "the tenant filter still applies");
        Assert.That(list.Items[1].DeletedAt, Is.EqualTo(Now));
        Assert.That(list.TotalCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Include_deleted_pages_through_live_and_deleted_products()
    {
        ActAsTenant(_tenantId, Scopes.ProductsWrite);
        var products = await SeedEach(9, i => Seed($"SKU-{i}", createdAt: Now.AddMinutes(-(i / 2)), deleted: i % 3 == 0));

        var pages = await Pages.WalkAsync(token => List(new ListRequest(2, token), new ProductFilter(IncludeDeleted: true)));

        Pages.AssertWellFormed(pages, 2, 9);
        Assert.That(pages.SelectMany(p => p.Items).Select(p => p.Id), Is.EqualTo(await ExpectedOrder(products, "-createdAt")));
    }

    [Test]
    public async Task Include_deleted_combines_with_the_other_filters()
    {
        ActAsTenant(_tenantId, Scopes.ProductsWrite);
        await Seed("A", tags: ["old"], deleted: true);
        await Seed("B", tags: ["old"]);
        await Seed("C", deleted: true);

        Assert.That(await SkusMatching(new ProductFilter(Tag: "old", IncludeDeleted: true)), Is.EqualTo(new[] { "A", "B" }));
        Assert.That(await SkusMatching(new ProductFilter(Tag: "old")), Is.EqualTo(new[] { "B" }));
    }

    [Test]
    public async Task Include_deleted_without_products_write_is_forbidden()
    {
        await Seed("A", deleted: true);

        var result = await List(filter: new ProductFilter(IncludeDeleted: true));

        ResultAssert.Failed(result, ErrorKind.Forbidden, "product.include_deleted_forbidden");
    }

    [Test]
    public async Task Include_deleted_is_checked_before_the_page_token()
    {
        var result = await List(new ListRequest(PageToken: "garbage", Sort: "nonsense"), new ProductFilter(IncludeDeleted: true));

        ResultAssert.Failed(result, ErrorKind.Forbidden, "product.include_deleted_forbidden");
    }

    [Test]
    public async Task Token_minted_without_include_deleted_is_rejected_with_it()
    {
        ActAsTenant(_tenantId, Scopes.ProductsWrite);
        await Seed("A");
        await Seed("B");
        var token = await FirstPageToken();

        await AssertInvalidToken(token, filter: new ProductFilter(IncludeDeleted: true));
    }
}
