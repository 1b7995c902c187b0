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
        _handler = new CreateProductHandler(_context.Products, _context.UnitOfWork, _context.Principal, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    private static CreateProductCommand Command(string sku = "SKU-1") =>
        new(sku, "  Widget  ", "A widget", 12.50m, "EUR", ["tools", "metal"]);

    [Test]
    public async Task Creates_the_product_in_the_callers_tenant_and_saves_once()
    {
        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(), CancellationToken.None));

        var stored = _context.Writes.Saved<Product>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.EqualTo(1));
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
        Assert.That(_context.Writes.Saved<Product>().Single().Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo(stored));
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
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
        Assert.That(_context.Writes.Pending, Is.Empty);
    }

    [Test]
    public async Task Sku_of_a_live_product_of_the_tenant_is_a_conflict_and_nothing_is_saved()
    {
        _context.SeedProduct(_tenantId, "SKU-1");

        var result = await _handler.Handle(Command("SKU-1"), CancellationToken.None);

        var error = ResultAssert.Failed(result, ErrorKind.Conflict, "product.sku_in_use");
        Assert.That(error.Message, Does.Contain("SKU-1"));
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
        Assert.That(_context.Writes.Pending, Is.Empty);
    }

    [Test]
    public void A_failed_save_propagates_and_commits_nothing()
    {
        _context.UnitOfWork.FailWith = new InvalidOperationException("database down");

        Assert.ThrowsAsync<InvalidOperationException>(() => _handler.Handle(Command(), CancellationToken.None));
        Assert.That(_context.Writes.Saved<Product>(), Is.Empty);
    }
}
