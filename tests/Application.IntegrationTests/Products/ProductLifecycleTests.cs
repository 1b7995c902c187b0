using QuoinApi.Application.Common.Exceptions;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.DeleteProduct;
using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Application.Products.ListProducts;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Application.Products.RestoreProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Products;

/// <summary>Soft delete, sku uniqueness among live products and tenant isolation, on real PostgreSQL.</summary>
public sealed class ProductLifecycleTests : IntegrationTestBase
{
    private static CreateProductCommand NewProduct(string sku = "SKU-1") =>
        new(sku, "Widget", "A widget", 12.50m, "EUR", ["blue", "small"]);

    [Test]
    public async Task Created_product_round_trips_with_every_field_and_a_row_version()
    {
        var tenant = await CreateTenantAsync();

        var created = await SendAsync(NewProduct(), tenant);
        var fetched = await SendAsync(new GetProductQuery(created.Value.Id), tenant);

        ResultAssert.Succeeded(fetched);
        Assert.That(fetched.Value with { CreatedAt = default, UpdatedAt = default, Tags = [] },
            Is.EqualTo(created.Value with { CreatedAt = default, UpdatedAt = default, Tags = [] }));
        Assert.That(fetched.Value.Version, Is.Not.Zero);
        Assert.That(fetched.Value.Version, Is.EqualTo(created.Value.Version));
        Assert.That(fetched.Value.Tags, Is.EqualTo(new[] { "blue", "small" }));
    }

    [Test]
    public async Task Replace_changes_the_row_version()
    {
        var tenant = await CreateTenantAsync();
        var created = await SendAsync(NewProduct(), tenant);

        var replaced = await SendAsync(new ReplaceProductCommand(created.Value.Id, "SKU-2", "Gadget", null, 1m, "USD", []), tenant);

        ResultAssert.Succeeded(replaced);
        Assert.That(replaced.Value.Version, Is.Not.EqualTo(created.Value.Version));
        Assert.That(replaced.Value.Sku, Is.EqualTo("SKU-2"));
        Assert.That(replaced.Value.Description, Is.Null);
    }

    [Test]
    public async Task Deleted_product_is_hidden_but_kept_with_deleted_at()
    {
        var tenant = await CreateTenantAsync();
        var created = await SendAsync(NewProduct(), tenant);

        var deleted = await SendAsync(new DeleteProductCommand(created.Value.Id), tenant);
        var fetched = await SendAsync(new GetProductQuery(created.Value.Id), tenant);
        var listed = await SendAsync(new ListProductsQuery(), tenant);

        ResultAssert.Succeeded(deleted);
        ResultAssert.Failed(fetched, ErrorKind.NotFound, "product.not_found");
        Assert.That(listed.Value.Items, Is.Empty);
        var deletedAt = await Database.ScalarAsync<DateTime?>("SELECT deleted_at FROM products WHERE id = $1", created.Value.Id);
        Assert.That(deletedAt, Is.Not.Null, "Soft delete keeps the row.");
    }

    [Test]
    public async Task Sku_is_unique_among_live_products_only()
    {
        var tenant = await CreateTenantAsync();
        var first = await SendAsync(NewProduct(), tenant);

        var clash = await SendAsync(NewProduct(), tenant);
        await SendAsync(new DeleteProductCommand(first.Value.Id), tenant);
        var reuse = await SendAsync(NewProduct(), tenant);

        ResultAssert.Failed(clash, ErrorKind.Conflict, "product.sku_in_use");
        ResultAssert.Succeeded(reuse);
    }

    [Test]
    public async Task The_same_sku_may_live_in_two_tenants()
    {
        var tenantA = await CreateTenantAsync("A");
        var tenantB = await CreateTenantAsync("B");

        var inA = await SendAsync(NewProduct(), tenantA);
        var inB = await SendAsync(NewProduct(), tenantB);

        ResultAssert.Succeeded(inA);
        ResultAssert.Succeeded(inB);
    }

    [Test]
    public async Task Restore_is_refused_when_a_live_product_took_the_sku()
    {
        var tenant = await CreateTenantAsync();
        var original = await SendAsync(NewProduct(), tenant);
        await SendAsync(new DeleteProductCommand(original.Value.Id), tenant);
        await SendAsync(NewProduct(), tenant);

        var restored = await SendAsync(new RestoreProductCommand(original.Value.Id), tenant);

        ResultAssert.Failed(restored, ErrorKind.Conflict, "product.sku_in_use");
        var deletedAt = await Database.ScalarAsync<DateTime?>("SELECT deleted_at FROM products WHERE id = $1", original.Value.Id);
        Assert.That(deletedAt, Is.Not.Null, "A refused restore changes nothing.");
    }

    [Test]
    public async Task Restore_brings_a_deleted_product_back_and_refuses_a_live_one()
    {
        var tenant = await CreateTenantAsync();
        var created = await SendAsync(NewProduct(), tenant);
        await SendAsync(new DeleteProductCommand(created.Value.Id), tenant);

        var restored = await SendAsync(new RestoreProductCommand(created.Value.Id), tenant);
        var again = await SendAsync(new RestoreProductCommand(created.Value.Id), tenant);

        Assert.That(ResultAssert.Succeeded(restored).DeletedAt, Is.Null);
        ResultAssert.Succeeded(await SendAsync(new GetProductQuery(created.Value.Id), tenant));
        ResultAssert.Failed(again, ErrorKind.Conflict, "product.not_deleted");
    }

    [Test]
    public async Task Another_tenants_product_is_not_found_and_never_listed()
    {
        var owner = await CreateTenantAsync("Owner");
        var stranger = await CreateTenantAsync("Stranger");
        var product = await SendAsync(NewProduct(), owner);

        Assert.Multiple(async () =>
        {
            ResultAssert.Failed(await SendAsync(new GetProductQuery(product.Value.Id), stranger), ErrorKind.NotFound, "product.not_found");
            ResultAssert.Failed(await SendAsync(new ReplaceProductCommand(product.Value.Id, "X", "X", null, 1m, "EUR", []), stranger),
                ErrorKind.NotFound, "product.not_found");
            ResultAssert.Failed(await SendAsync(new DeleteProductCommand(product.Value.Id), stranger), ErrorKind.NotFound, "product.not_found");
            ResultAssert.Failed(await SendAsync(new RestoreProductCommand(product.Value.Id), stranger), ErrorKind.NotFound, "product.not_found");
            Assert.That((await SendAsync(new ListProductsQuery(), stranger)).Value.Items, Is.Empty);
        });
        ResultAssert.Succeeded(await SendAsync(new GetProductQuery(product.Value.Id), owner));
    }

    [Test]
    public async Task Invalid_command_is_rejected_by_the_pipeline_before_anything_is_written()
    {
        var tenant = await CreateTenantAsync();

        var result = await SendAsync(new CreateProductCommand("bad sku", "", null, 1.234m, "XYZ", null), tenant);

        var error = ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed");
        Assert.That(error.ValidationErrors!.Keys, Is.EquivalentTo(new[] { "sku", "name", "price", "currency" }));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM products"), Is.Zero);
    }

    [Test]
    public async Task Concurrent_creates_with_one_sku_leave_one_live_product()
    {
        var tenant = await CreateTenantAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await SendAsync(NewProduct(), tenant)).IsSuccess ? "created" : "conflict";
            }
            catch (UniqueConstraintException)
            {
                // The handler's check raced; the partial unique index is the last word.
                return "conflict";
            }
        }));

        Assert.That(results.Count(r => r == "created"), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM products WHERE deleted_at IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task List_is_newest_first_and_honours_page_size()
    {
        var tenant = await CreateTenantAsync();
        foreach (var sku in new[] { "A", "B", "C" })
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await SendAsync(NewProduct(sku), tenant);
        }

        var page = await SendAsync(new ListProductsQuery(new ListRequest(PageSize: 2), ProductFilter.None), tenant);

        Assert.That(page.Value.Items.Select(p => p.Sku), Is.EqualTo(new[] { "C", "B" }));
    }

    [Test]
    public async Task Audit_fields_record_the_actor_and_the_clock()
    {
        var tenant = await CreateTenantAsync();
        var now = Clock.GetUtcNow();

        var created = await SendAsync(NewProduct(), tenant);

        Assert.That(created.Value.CreatedAt, Is.EqualTo(now).Within(TimeSpan.FromMilliseconds(1)));
        Assert.That(await Database.ScalarAsync<string>("SELECT created_by FROM products WHERE id = $1", created.Value.Id), Is.EqualTo("test-actor"));
    }

}
