using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Products.GetProduct;

public sealed class GetProductHandlerTests
{
    private HandlerTestContext _context = null!;
    private GetProductHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new GetProductHandler(_context.ReadDb, _context.Mappings);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsRead);
    }

    [Test]
    public async Task Live_product_of_the_tenant_is_returned_with_every_field()
    {
        var product = _context.SeedProduct(_tenantId, "SKU-7");

        var dto = ResultAssert.Succeeded(await _handler.Handle(new GetProductQuery(product.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-7"));
            Assert.That(dto.Name, Is.EqualTo("Widget"));
            Assert.That(dto.Description, Is.EqualTo("A widget"));
            Assert.That(dto.Price, Is.EqualTo(12.50m));
            Assert.That(dto.Currency, Is.EqualTo("EUR"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(dto.CreatedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(dto.UpdatedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(dto.DeletedAt, Is.Null);
        }
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await _handler.Handle(new GetProductQuery(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Soft_deleted_product_is_not_found()
    {
        var product = _context.SeedProduct(_tenantId, deleted: true);

        var result = await _handler.Handle(new GetProductQuery(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Another_tenants_product_is_not_found()
    {
        var otherTenant = _context.SeedTenant("Globex");
        var product = _context.SeedProduct(otherTenant.Id);

        var result = await _handler.Handle(new GetProductQuery(product.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }
}
