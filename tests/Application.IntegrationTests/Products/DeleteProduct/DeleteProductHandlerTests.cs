using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products.DeleteProduct;

/// <summary>Soft delete on PostgreSQL: the row stays, the filters hide it, and no other tenant's product can be hit.</summary>
public sealed class DeleteProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private Task<Result<Success>> Delete(Guid id) => HandleAsync(new DeleteProductCommand(id), _tenantId, [Scopes.ProductsWrite]);

    [Test]
    public async Task The_row_stays_and_is_no_longer_found()
    {
        var product = await TestData.SeedProductAsync(_tenantId);

        ResultAssert.Succeeded(await Delete(product.Id));

        Assert.That((await ProductRow.ReadAsync(product.Id)).DeletedAt, Is.Not.Null, "the row stays: soft delete");
        Assert.That(await AsCallerAsync(_tenantId, services => services.GetRequiredService<IProductRepository>().GetAsync(product.Id, CancellationToken.None)),
            Is.Null);
    }

    [Test]
    public async Task Already_deleted_product_is_not_found()
    {
        var product = await TestData.SeedProductAsync(_tenantId, deleted: true);
        var before = await ProductRow.ReadAsync(product.Id);

        var result = await Delete(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That(await ProductRow.ReadAsync(product.Id), Is.EqualTo(before), "nothing was saved");
    }

    [Test]
    public async Task Another_tenants_product_is_not_found_and_stays_live()
    {
        var product = await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var result = await Delete(product.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
        Assert.That((await ProductRow.ReadAsync(product.Id)).DeletedAt, Is.Null);
    }
}
