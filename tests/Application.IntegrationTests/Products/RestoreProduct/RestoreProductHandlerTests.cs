using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products.RestoreProduct;

/// <summary>Restore on PostgreSQL: only the caller's deleted products, and only skus its own live products hold block it.</summary>
public sealed class RestoreProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private Task<Result<ProductDto>> Restore(Guid id) => HandleAsync(new RestoreProductCommand(id), _tenantId, [Scopes.ProductsWrite]);

    [Test]
    public async Task Sku_held_only_by_another_tenant_does_not_block_the_restore()
    {
        var product = await TestData.SeedProductAsync(_tenantId, "SKU-1", deleted: true);
        await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id, "SKU-1");

        ResultAssert.Succeeded(await Restore(product.Id));
        Assert.That((await ProductRow.ReadAsync(product.Id)).DeletedAt, Is.Null);
    }

    [Test]
    public async Task Another_tenants_deleted_product_is_not_found()
    {
        var product = await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id, deleted: true);

        var result = await Restore(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That((await ProductRow.ReadAsync(product.Id)).DeletedAt, Is.Not.Null);
    }
}
