using QuoinApi.Application.Products;
using System.Globalization;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.CreateProduct;

public sealed class CreateProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private CreateProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new CreateProductHandler(_context.Products, _context.Conflicts, _context.Principal, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    private static CreateProductCommand Command(string sku = "SKU-1") =>
        new(sku, "  Widget  ", "A widget", 12.50m, "EUR", ["tools", "metal"]);

    [Test]
    public async Task Creates_the_product_in_the_callers_tenant_and_saves_once()
    {
        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(), CancellationToken.None));

        var stored = _context.Writes.Added<Product>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Id, Is.EqualTo(dto.Id));
            Assert.That(stored.TenantId, Is.EqualTo(_tenantId));
            Assert.That(stored.DomainEvents.Single(), Is.EqualTo(new ProductCreated(stored.Id, _tenantId, HandlerTestContext.Now)));
            Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
            Assert.That(dto.Name, Is.EqualTo("Widget"), "the name is trimmed");
            Assert.That(dto.Description, Is.EqualTo("A widget"));
            Assert.That(dto.Price, Is.EqualTo(12.50m));
            Assert.That(dto.Currency, Is.EqualTo("EUR"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(dto.DeletedAt, Is.Null);
        }
    }

    [TestCase("13.5", "13.50")]
    [TestCase("7", "7.00")]
    [TestCase("0.10", "0.10")]
    public async Task Price_is_stored_and_returned_with_two_decimals(string price, string stored)
    {
        var command = Command() with { Price = decimal.Parse(price, CultureInfo.InvariantCulture) };

        var dto = ResultAssert.Succeeded(await _handler.Handle(command, CancellationToken.None));

        Assert.That(dto.Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo(stored));
        Assert.That(_context.Writes.Added<Product>().Single().Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo(stored));
    }

    [Test]
    public async Task Missing_tags_become_an_empty_list()
    {
        var dto = ResultAssert.Succeeded(await _handler.Handle(Command() with { Tags = null }, CancellationToken.None));

        Assert.That(dto.Tags, Is.Empty);
    }

    [Test]
    public async Task Caller_without_a_tenant_is_forbidden_and_nothing_is_saved()
    {
        _context.Principal.ActAsPlatformAdmin();

        var result = await _handler.Handle(Command(), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "product.tenant_required");
        Assert.That(_context.Writes.Added<object>(), Is.Empty);
    }

    [Test]
    public async Task Names_the_live_sku_rule_so_that_a_taken_sku_is_a_conflict_at_commit()
    {
        ResultAssert.Succeeded(await _handler.Handle(Command("SKU-1"), CancellationToken.None));

        Assert.That(_context.Conflicts.TryGet(ProductConstraints.LiveSku, out var error), Is.True);
        Assert.That(error, Is.EqualTo(ProductErrors.SkuInUse("SKU-1")));
    }
}
