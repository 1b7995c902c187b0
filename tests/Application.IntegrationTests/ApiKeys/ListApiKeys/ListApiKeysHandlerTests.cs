using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.ListApiKeys;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.ListApiKeys;

public sealed class ListApiKeysHandlerTests
{
    private HandlerTestContext _context = null!;
    private ListApiKeysHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ListApiKeysHandler(_context.ReadDb, _context.Pager, _context.Principal, _context.Mappings);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);
    }

    [Test]
    public async Task Lists_live_keys_of_the_tenant_newest_first()
    {
        var (oldest, _) = _context.SeedApiKey(_tenantId, name: "oldest", createdAt: HandlerTestContext.Now.AddDays(-3));
        var (newest, _) = _context.SeedApiKey(_tenantId, name: "newest", createdAt: HandlerTestContext.Now.AddDays(-1));
        var (middle, _) = _context.SeedApiKey(_tenantId, name: "middle", createdAt: HandlerTestContext.Now.AddDays(-2));
        _context.SeedApiKey(_tenantId, name: "revoked", createdAt: HandlerTestContext.Now).Key.Revoke(HandlerTestContext.Now);

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListApiKeysQuery(), CancellationToken.None));

        Assert.That(list.Items.Select(k => k.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            _context.SeedApiKey(_tenantId, name: $"key {i}", createdAt: HandlerTestContext.Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListApiKeysQuery(new ListRequest(PageSize: 2)), CancellationToken.None));

        Assert.That(list.Items.Select(k => k.Name), Is.EqualTo(new[] { "key 4", "key 3" }));
    }

    [Test]
    public async Task Never_lists_another_tenants_keys()
    {
        var otherTenantId = _context.SeedTenant("Globex").Id;
        var (own, _) = _context.SeedApiKey(_tenantId, createdAt: HandlerTestContext.Now.AddDays(-1));
        _context.SeedApiKey(otherTenantId, createdAt: HandlerTestContext.Now);
        _context.SeedApiKey(tenantId: null, [Scopes.PlatformAdmin], createdAt: HandlerTestContext.Now);

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListApiKeysQuery(), CancellationToken.None));

        Assert.That(list.Items.Select(k => k.Id), Is.EqualTo(new[] { own.Id }));
    }

    [Test]
    public async Task Caller_without_a_tenant_sees_no_keys_not_even_platform_keys()
    {
        _context.Store.Seed(ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength)));
        _context.SeedApiKey(tenantId: null, [Scopes.PlatformAdmin]);
        _context.SeedApiKey(_tenantId);
        _context.Principal.TenantId = null;

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListApiKeysQuery(new ListRequest(IncludeTotalCount: true)), CancellationToken.None));

        Assert.That(list.Items, Is.Empty);
        Assert.That(list.TotalCount, Is.Zero);
        Assert.That(list.NextPageToken, Is.Null);
    }

    private Task<Result<ListResult<ApiKeyDto>>> List(ListRequest list) => _handler.Handle(new ListApiKeysQuery(list), CancellationToken.None);

    /// <summary>17 keys in runs of equal names and equal creation times.</summary>
    private List<ApiKey> SeedKeys() =>
        [.. Enumerable.Range(0, 17).Select(i => _context.SeedApiKey(_tenantId, name: $"key {i % 3}", createdAt: HandlerTestContext.Now.AddMinutes(-(i / 5))).Key)];

    [TestCase("-createdAt", 4)]
    [TestCase("createdAt", 5)]
    [TestCase("name", 3)]
    [TestCase("-name,createdAt", 1)]
    [TestCase("name,-createdAt", 17)]
    public async Task Paging_with_the_tokens_returns_every_key_once_in_sort_order(string sort, int pageSize)
    {
        var keys = SeedKeys();

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
        SeedKeys();
        _context.SeedApiKey(_tenantId).Key.Revoke(HandlerTestContext.Now);
        _context.SeedApiKey(_context.SeedTenant("Globex").Id);

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
        var globex = _context.SeedTenant("Globex").Id;
        _context.SeedApiKey(globex);
        _context.SeedApiKey(globex);
        SeedKeys();
        _context.Principal.ActAsTenant(globex, Scopes.KeysManage);
        var globexToken = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1))).NextPageToken;
        Assert.That(globexToken, Is.Not.Null);

        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);
        var error = ResultAssert.Failed(await List(new ListRequest(PageSize: 1, PageToken: globexToken)), ErrorKind.Validation, "validation_failed");

        Assert.That(error, Is.EqualTo(KeysetPager.InvalidPageToken));
    }

    [Test]
    public async Task Token_minted_for_another_sort_or_a_forged_one_is_rejected()
    {
        SeedKeys();
        var token = ResultAssert.Succeeded(await List(new ListRequest(PageSize: 1, Sort: "name"))).NextPageToken!;

        foreach (var (pageToken, sort) in new[] { (token, "-name"), (token, "createdAt"), ("forged", "name"), (token[1..], "name") })
        {
            var error = ResultAssert.Failed(await List(new ListRequest(1, pageToken, sort)), ErrorKind.Validation, "validation_failed");
            Assert.That(error.ValidationErrors!.Keys, Is.EqualTo(new[] { "pageToken" }), $"{sort} with {pageToken}");
        }
    }
}
