using QuoinApi.Application.Products.ListProducts;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Products.ListProducts;

public sealed class ListProductsHandlerTests
{
    private HandlerTestContext _context = null!;
    private ListProductsHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ListProductsHandler(_context.ReadDb, _context.TextSearch, _context.Pager, _context.Principal, _context.Mappings);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsRead);
    }

    [Test]
    public async Task Lists_live_products_of_the_tenant_newest_first()
    {
        var oldest = _context.SeedProduct(_tenantId, "A", HandlerTestContext.Now.AddHours(-3));
        var newest = _context.SeedProduct(_tenantId, "C", HandlerTestContext.Now.AddHours(-1));
        var middle = _context.SeedProduct(_tenantId, "B", HandlerTestContext.Now.AddHours(-2));
        _context.SeedProduct(_tenantId, "DELETED", HandlerTestContext.Now, deleted: true);
        _context.SeedProduct(_context.SeedTenant("Globex").Id, "OTHER", HandlerTestContext.Now);

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListProductsQuery(), CancellationToken.None));

        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(new[] { newest.Id, middle.Id, oldest.Id }));
    }

    [Test]
    public async Task Products_created_at_the_same_instant_are_ordered_by_id_descending()
    {
        Guid[] ids = [.. Enumerable.Range(0, 4).Select(i => _context.SeedProduct(_tenantId, $"SKU-{i}").Id)];

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListProductsQuery(), CancellationToken.None));

        // A stable tie-break keeps pages from overlapping when timestamps collide.
        Assert.That(list.Items.Select(p => p.Id), Is.EqualTo(ids.OrderDescending()));
    }

    [Test]
    public async Task Page_size_limits_the_items_to_the_newest()
    {
        for (var i = 0; i < 5; i++)
        {
            _context.SeedProduct(_tenantId, $"SKU-{i}", HandlerTestContext.Now.AddMinutes(i));
        }

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListProductsQuery(new ListRequest(PageSize: 2), ProductFilter.None), CancellationToken.None));

        Assert.That(list.Items.Select(p => p.Sku), Is.EqualTo(new[] { "SKU-4", "SKU-3" }));
    }

    [Test]
    public async Task Caller_without_a_tenant_sees_no_products()
    {
        _context.SeedProduct(_tenantId);
        _context.Principal.ActAsPlatformAdmin();

        var list = ResultAssert.Succeeded(await _handler.Handle(new ListProductsQuery(), CancellationToken.None));

        Assert.That(list.Items, Is.Empty);
    }
}
