using QuoinApi.Application.Tenants.ListTenants;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.UnitTests.Support;

namespace QuoinApi.Application.UnitTests.Tenants.ListTenants;

public sealed class ListTenantsHandlerTests
{
    private HandlerTestContext _context = null!;
    private ListTenantsHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ListTenantsHandler(_context.ReadDb, _context.Pager, _context.Mappings);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Lists_live_tenants_newest_first()
    {
        var oldest = _context.SeedTenant("Oldest", createdAt: HandlerTestContext.Now.AddDays(-3));
        var newest = _context.SeedTenant("Newest", createdAt: HandlerTestContext.Now.AddDays(-1));
        var middle = _context.SeedTenant("Middle", createdAt: HandlerTestContext.Now.AddDays(-2));
        _context.SeedTenant("Deleted", createdAt: HandlerTestContext.Now).Delete(HandlerTestContext.Now);

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListTenantsQuery(), CancellationToken.None));

        Assert.That(list.Items.Select(t => t.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
        Assert.That(list.Items[0].Name, Is.EqualTo("Newest"));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            _context.SeedTenant($"Tenant {i}", createdAt: HandlerTestContext.Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListTenantsQuery(new ListRequest(PageSize: 3)), CancellationToken.None));

        Assert.That(list.Items.Select(t => t.Name), Is.EqualTo(new[] { "Tenant 4", "Tenant 3", "Tenant 2" }));
    }

    [Test]
    public async Task No_tenants_gives_an_empty_list()
    {
        var list = ResultAssert.Succeeded(await _handler.Handle(new ListTenantsQuery(), CancellationToken.None));

        Assert.That(list.Items, Is.Empty);
    }
}
