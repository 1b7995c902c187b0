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
}
