using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products.GetProduct;

public sealed class GetProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private Task<Result<ProductDto>> Get(Guid id) => HandleAsync(new GetProductQuery(id), _tenantId, [Scopes.ProductsRead]);

    [Test]
    public async Task Live_product_of_the_tenant_is_returned_with_every_field()
    {
        var product = await TestData.SeedProductAsync(_tenantId, "SKU-7");

        var dto = ResultAssert.Succeeded(await Get(product.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-7"));
            Assert.That(dto.Name, Is.EqualTo("Widget"));
            Assert.That(dto.Description, Is.EqualTo("A widget"));
            Assert.That(dto.Price, Is.EqualTo(12.50m));
            Assert.That(dto.Currency, Is.EqualTo("EUR"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(dto.CreatedAt, Is.EqualTo(TestData.Now));
            Assert.That(dto.UpdatedAt, Is.EqualTo(TestData.Now));
            Assert.That(dto.DeletedAt, Is.Null);
            Assert.That(dto.Version, Is.EqualTo(product.Version).And.Not.Zero, "the row version PostgreSQL assigned");
        }
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await Get(Guid.CreateVersion7());

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Soft_deleted_product_is_not_found()
    {
        var product = await TestData.SeedProductAsync(_tenantId, deleted: true);

        var result = await Get(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Another_tenants_product_is_not_found()
    {
        var otherTenant = await TestData.SeedTenantAsync("Globex");
        var product = await TestData.SeedProductAsync(otherTenant.Id);

        var result = await Get(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [Test]
    public async Task Caller_without_a_tenant_sees_no_product()
    {
        var product = await TestData.SeedProductAsync(_tenantId);

        var result = await HandleAsync(new GetProductQuery(product.Id), null, [Scopes.PlatformAdmin]);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }
}
