using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.ListApiKeys;

public sealed class ListApiKeysHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private Guid? _callerTenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _callerTenantId = _tenantId = (await TestData.SeedTenantAsync()).Id;

    [Test]
    public async Task Lists_live_keys_of_the_tenant_newest_first()
    {
        var (oldest, _) = await TestData.SeedApiKeyAsync(_tenantId, name: "oldest", createdAt: TestData.Now.AddDays(-3));
        var (newest, _) = await TestData.SeedApiKeyAsync(_tenantId, name: "newest", createdAt: TestData.Now.AddDays(-1));
        var (middle, _) = await TestData.SeedApiKeyAsync(_tenantId, name: "middle", createdAt: TestData.Now.AddDays(-2));
        await TestData.SeedApiKeyAsync(_tenantId, name: "revoked", createdAt: TestData.Now, change: k => k.Revoke(TestData.Now));

        var list = ResultAssert.Succeeded(await List(ListRequest.Default));

        Assert.That(list.Items.Select(k => k.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            await TestData.SeedApiKeyAsync(_tenantId, name: $"key {i}", createdAt: TestData.Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 2)));

        Assert.That(list.Items.Select(k => k.Name), Is.EqualTo(new[] { "key 4", "key 3" }));
    }

    [Test]
    public async Task Never_lists_another_tenants_keys()
    {
        var otherTenantId = (await TestData.SeedTenantAsync("Globex")).Id;
        var (own, _) = await TestData.SeedApiKeyAsync(_tenantId, createdAt: TestData.Now.AddDays(-1));
        await TestData.SeedApiKeyAsync(otherTenantId, createdAt: TestData.Now);
        await TestData.SeedApiKeyAsync(tenantId: null, [Scopes.PlatformAdmin], createdAt: TestData.Now);

        var list = ResultAssert.Succeeded(await List(ListRequest.Default));

        Assert.That(list.Items.Select(k => k.Id), Is.EqualTo(new[] { own.Id }));
    }

    [Test]
    public async Task Caller_without_a_tenant_sees_no_keys_not_even_platform_keys()
    {
        await TestData.AddAsync(ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength)));
        await TestData.SeedApiKeyAsync(tenantId: null, [Scopes.PlatformAdmin]);
        await TestData.SeedApiKeyAsync(_tenantId);
        _callerTenantId = null;

        var list = ResultAssert.Succeeded(await List(new ListRequest(IncludeTotalCount: true)));

        Assert.That(list.Items, Is.Empty);
        Assert.That(list.TotalCount, Is.Zero);
        Assert.That(list.NextPageToken, Is.Null);
    }

    private Task<Result<ListResult<ApiKeyDto>>> List(ListRequest list) => HandleAsync(new ListApiKeysQuery(list), _callerTenantId, [Scopes.KeysManage]);

    /// <summary>17 keys in runs of equal names and equal creation times.</summary>
    private async Task<List<ApiKey>> SeedKeys()
    {
        var keys = Enumerable.Range(0, 17).Select(i => TestData.NewApiKey(_tenantId, name: $"key {i % 3}", createdAt: TestData.Now.AddMinutes(-(i / 5))).Key).ToList();
        await TestData.AddAsync([.. keys]);
        return keys;
    }

    [TestCase("-createdAt", 4)]
    [TestCase("createdAt", 5)]
    [TestCase("name", 3)]
    [TestCase("-name,createdAt", 1)]
    [TestCase("name,-createdAt", 17)]
    public async Task Paging_with_the_tokens_returns_every_key_once_in_sort_order(string sort, int pageSize)
    {
        var keys = await SeedKeys();

        // The id breaks ties, in the direction of the last sort key.
        var expected = sort switch
        {
            "-createdAt" => keys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id),
            "createdAt" => keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id),
            "name" => keys.OrderBy(k => k.Name).ThenBy(k => k.Id),
            "-name,createdAt" => keys.OrderByDescending(k => k.Name).ThenBy(k => k.CreatedAt).ThenBy(k => k.Id),
            "name,-createdAt" => keys.OrderBy(k => k.Name).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };

        var pages = await Pages.WalkAsync(token => List(new ListRequest(pageSize, token, sort)));

        Pages.AssertWellFormed(pages, pageSize, keys.Count);
        Assert.That(pages.SelectMany(p => p.Items).Select(k => k.Id), Is.EqualTo(expected.Select(k => k.Id)));
    }

    [Test]
    public async Task Total_count_counts_the_live_keys_of_the_tenant()
    {
        await SeedKeys();
        await TestData.SeedApiKeyAsync(_tenantId, change: k => k.Revoke(TestData.Now));
        await TestData.SeedApiKeyAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var pages = await Pages.WalkAsync(token => List(new ListRequest(10, token, IncludeTotalCount: true)));

        Assert.That(pages.Select(p => p.TotalCount), Is.EqualTo(new long?[] { 17, 17 }));
    }

    [TestCase("id")]
    [TestCase("prefix")]
    [TestCase("price")]
    public async Task Sort_outside_the_whitelist_is_a_validation_error_on_sort(string sort)
    {
        var error = ResultAssert.Failed(await List(new ListRequest(Sort: sort)), ErrorKind.Validation, "validation_failed");

        Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "sort" }));
    }

    [Test]
    public async Task Token_minted_for_another_tenant_is_rejected()
    {
        var globex = (await TestData.SeedTenantAsync("Globex")).Id;
        await TestData.SeedApiKeyAsync(globex);
        await TestData.SeedApiKeyAsync(globex);
        await SeedKeys();
        _callerTenantId = globex;
        var globexToken = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1))).NextPageToken;
        Assert.That(globexToken, Is.Not.Null);

        _callerTenantId = _tenantId;
        var error = ResultAssert.Failed(await List(new ListRequest(PageSize: 1, PageToken: globexToken)), ErrorKind.Validation, "validation_failed");

        Assert.That(error, Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [Test]
    public async Task Token_minted_for_another_sort_or_a_forged_one_is_rejected()
    {
        await SeedKeys();
        var token = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, Sort: "name"))).NextPageToken!;

        foreach (var (pageToken, sort) in new[] { (token, "-name"), (token, "createdAt"), ("forged", "name"), (token[1..], "name") })
        {
            var error = ResultAssert.Failed(await List(new ListRequest(1, pageToken, sort)), ErrorKind.Validation, "validation_failed");
            Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "pageToken" }), $"{sort} with {pageToken}");
        }
    }
}
