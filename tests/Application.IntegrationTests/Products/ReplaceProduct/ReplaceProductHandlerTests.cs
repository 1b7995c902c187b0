using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products.ReplaceProduct;

/// <summary>Replace on PostgreSQL: the caller's live products only, and deleted products free their skus.</summary>
public sealed class ReplaceProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private Task<Result<ProductDto>> Replace(Guid id, string sku = "SKU-NEW") =>
        HandleAsync(new ReplaceProductCommand(id, sku, " Gadget ", null, 99.99m, "USD", ["blue"]), _tenantId, [Scopes.ProductsWrite]);

    [Test]
    public async Task Sku_of_a_deleted_product_can_be_taken()
    {
        var product = await TestData.SeedProductAsync(_tenantId, "SKU-1");
        await TestData.SeedProductAsync(_tenantId, "SKU-OLD", deleted: true);

        var dto = ResultAssert.Succeeded(await Replace(product.Id, "SKU-OLD"));

        Assert.That(dto.Sku, Is.EqualTo("SKU-OLD"));
    }

    [Test]
    public async Task Deleted_product_is_not_found()
    {
        var product = await TestData.SeedProductAsync(_tenantId, deleted: true);
        var before = await ProductRow.ReadAsync(product.Id);

        var result = await Replace(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(await ProductRow.ReadAsync(product.Id), Is.EqualTo(before), "nothing was saved");
    }

    [Test]
    public async Task Another_tenants_product_is_not_found()
    {
        var product = await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var result = await Replace(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That((await ProductRow.ReadAsync(product.Id)).Name, Is.EqualTo("Widget"));
    }
}
