using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.RestoreProduct;

public sealed class RestoreProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private RestoreProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new RestoreProductHandler(_context.Products, _context.UnitOfWork, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
    }

    [Test]
    public async Task Restores_a_deleted_product_and_saves_once()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.EqualTo(1));
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
            Assert.That(dto.DeletedAt, Is.Null);
            Assert.That(product.DeletedAt, Is.Null);
            Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductRestored(product.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Live_product_is_a_conflict()
    {
        var product = _context.SeedProduct(_tenantId);

        var result = await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Conflict, "product.not_deleted");
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }

    [Test]
    public async Task Sku_taken_by_a_live_product_meanwhile_is_a_conflict_and_nothing_is_saved()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);
        _context.SeedProduct(_tenantId, "SKU-1");

        var result = await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None);

        var error = ResultAssert.Failed(result, ErrorKind.Conflict, "product.sku_in_use");
        Assert.That(error.Message, Does.Contain("SKU-1"));
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }

    [Test]
    public async Task Sku_conflict_leaves_the_product_deleted()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);
        _context.SeedProduct(_tenantId, "SKU-1");

        ResultAssert.Failed(await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None), ErrorKind.Conflict, "product.sku_in_use");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public async Task Sku_held_only_by_another_tenant_does_not_block_the_restore()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-1", deleted: true);
        _context.SeedProduct(_context.SeedTenant("Globex").Id, "SKU-1");

        ResultAssert.Succeeded(await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(new RestoreProductCommand(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(_context.UnitOfWork.SaveChangesCalls, Is.Zero);
    }

    [Test]
    public async Task Another_tenants_deleted_product_is_not_found()
    {
        var product = _context.SeedProduct(_context.SeedTenant("Globex").Id, deleted: true);

        var result = await _handler.Handle(new RestoreProductCommand(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(product.DeletedAt, Is.Not.Null);
    }
}
