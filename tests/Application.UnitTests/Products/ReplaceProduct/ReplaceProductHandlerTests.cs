using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.ReplaceProduct;

public sealed class ReplaceProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private ReplaceProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new ReplaceProductHandler(_context.Products, _context.UnitOfWork, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    private static ReplaceProductCommand Command(Guid id, string sku = "SKU-NEW") =>
        new(id, sku, " Gadget ", null, 99.99m, "USD", ["blue"]);

    [Test]
    public async Task Replaces_every_field_and_saves_once()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");
        _context.Clock.Advance(TimeSpan.FromMinutes(5));

        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.EqualTo(1));
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-NEW"));
            Assert.That(dto.Name, Is.EqualTo("Gadget"));
            Assert.That(dto.Description, Is.Null);
            Assert.That(dto.Price, Is.EqualTo(99.99m));
            Assert.That(dto.Currency, Is.EqualTo("USD"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "blue" }));
            Assert.That(product.Name, Is.EqualTo("Gadget"));
            Assert.That(product.DomainEvents.Single(),
                Is.EqualTo(new ProductUpdated(product.Id, _tenantId, HandlerTestContext.Now.AddMinutes(5))));
        }
    }

    [Test]
    public async Task Keeping_the_same_sku_is_allowed()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");

        var dto = ResultAssert.Succeeded(await _handler.Handle(Command(product.Id, "SKU-1"), CancellationToken.None));

        Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task Sku_of_another_live_product_is_a_conflict_and_nothing_changes()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");
        _context.SeedProduct(_tenantId, "SKU-TAKEN");

        var result = await _handler.Handle(Command(product.Id, "SKU-TAKEN"), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Conflict, "product.sku_in_use");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
            Assert.That(product.Sku, Is.EqualTo("SKU-1"));
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public async Task Sku_of_a_deleted_product_can_be_taken()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1");
        _context.SeedProduct(_tenantId, "SKU-OLD", deleted: true);

        ResultAssert.Succeeded(await _handler.Handle(Command(product.Id, "SKU-OLD"), CancellationToken.None));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(Command(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }

    [Test]
    public async Task Deleted_product_is_not_found()
    {
        var product = _context.SeedProduct(_tenantId, deleted: true);

        var result = await _handler.Handle(Command(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }

    [Test]
    public async Task Another_tenants_product_is_not_found()
    {
        var product = _context.SeedProduct(_context.SeedTenant("Globex").Id);

        var result = await _handler.Handle(Command(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(product.Name, Is.EqualTo("Widget"));
    }
}
