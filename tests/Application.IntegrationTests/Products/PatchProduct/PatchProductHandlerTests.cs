using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.IntegrationTests.Products.PatchProduct;

/// <summary>Merge patch on PostgreSQL: the caller's live products only; deleted and other tenants' products free their skus.</summary>
public sealed class PatchProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private Product _product = null!;

    [SetUp]
    public async Task SeedProductAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        _product = await TestData.SeedProductAsync(_tenantId, "SKU-1");
    }

    private Task<Result<ProductDto>> Patch(ProductPatch patch, Guid? id = null) =>
        HandleAsync(new PatchProductCommand(id ?? _product.Id, patch), _tenantId, [Scopes.ProductsWrite]);

    [Test]
    public async Task Sku_of_a_deleted_or_another_tenants_product_can_be_taken()
    {
        await TestData.SeedProductAsync(_tenantId, "SKU-OLD", deleted: true);
        await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id, "SKU-GLOBEX");

        ResultAssert.Succeeded(await Patch(new ProductPatch { Sku = "SKU-OLD" }));
        ResultAssert.Succeeded(await Patch(new ProductPatch { Sku = "SKU-GLOBEX" }));
    }

    [Test]
    public async Task Deleted_product_is_not_found()
    {
        var deleted = await TestData.SeedProductAsync(_tenantId, "SKU-DEL", deleted: true);
        var (deletedBefore, productBefore) = (await ProductRow.ReadAsync(deleted.Id), await ProductRow.ReadAsync(_product.Id));

        ResultAssert.Failed(await Patch(new ProductPatch { Name = "X" }, deleted.Id), ErrorKind.NotFound, "product.not_found");

        Assert.That(await ProductRow.ReadAsync(deleted.Id), Is.EqualTo(deletedBefore));
        Assert.That(await ProductRow.ReadAsync(_product.Id), Is.EqualTo(productBefore));
    }

    [Test]
    public async Task Another_tenants_product_is_not_found()
    {
        var foreign = await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id, "SKU-9");
        var (foreignBefore, productBefore) = (await ProductRow.ReadAsync(foreign.Id), await ProductRow.ReadAsync(_product.Id));

        ResultAssert.Failed(await Patch(new ProductPatch { Name = "X" }, foreign.Id), ErrorKind.NotFound, "product.not_found");

        Assert.That(await ProductRow.ReadAsync(foreign.Id), Is.EqualTo(foreignBefore));
        Assert.That(await ProductRow.ReadAsync(_product.Id), Is.EqualTo(productBefore));
    }
}
