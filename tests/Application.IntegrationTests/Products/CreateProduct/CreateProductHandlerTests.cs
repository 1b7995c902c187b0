using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products.CreateProduct;

/// <summary>What creating a product depends on in the database: which skus are taken, and the stamped audit fields.</summary>
public sealed class CreateProductHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private static CreateProductCommand Command(string sku = "SKU-1") => new(sku, "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);

    [Test]
    public async Task The_product_comes_back_with_the_creation_time_the_store_stamped()
    {
        var now = Clock.GetUtcNow();

        var dto = ResultAssert.Succeeded(await HandleAsync(Command(), _tenantId, [Scopes.ProductsWrite]));

        Assert.That(dto.CreatedAt, Is.EqualTo(now));
        Assert.That(dto.UpdatedAt, Is.EqualTo(now));
    }

    [Test]
    public async Task Sku_of_a_deleted_product_is_free_again()
    {
        await TestData.SeedProductAsync(_tenantId, "SKU-1", deleted: true);

        ResultAssert.Succeeded(await HandleAsync(Command("SKU-1"), _tenantId, [Scopes.ProductsWrite]));
    }

    [Test]
    public async Task Sku_of_another_tenants_product_does_not_clash()
    {
        await TestData.SeedProductAsync((await TestData.SeedTenantAsync("Globex")).Id, "SKU-1");

        ResultAssert.Succeeded(await HandleAsync(Command("SKU-1"), _tenantId, [Scopes.ProductsWrite]));
    }
}
