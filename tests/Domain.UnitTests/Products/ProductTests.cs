using System.Globalization;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Domain.UnitTests.Products;

public sealed class ProductTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.CreateVersion7();
    private static readonly ProductDetails Details = new("SKU-1", "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]);

    private static Product Create()
    {
        var product = Product.Create(TenantId, Details, Now);
        product.ClearDomainEvents();
        return product;
    }

    [Test]
    public void Create_takes_the_details_and_raises_created()
    {
        var product = Product.Create(TenantId, Details, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.TenantId, Is.EqualTo(TenantId));
            Assert.That(product.Sku, Is.EqualTo("SKU-1"));
            Assert.That(product.Name, Is.EqualTo("Widget"));
            Assert.That(product.Description, Is.EqualTo("A widget"));
            Assert.That(product.Price, Is.EqualTo(12.50m));
            Assert.That(product.Currency, Is.EqualTo("EUR"));
            Assert.That(product.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(product.DeletedAt, Is.Null);
            Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductCreated(product.Id, TenantId, Now)));
        }
    }

    [Test]
    public void Tags_are_copied_not_shared_with_the_caller()
    {
        var tags = new List<string> { "tools" };
        var product = Product.Create(TenantId, Details with { Tags = tags }, Now);

        tags.Add("changed later");

        Assert.That(product.Tags, Is.EqualTo(new[] { "tools" }));
    }

    [Test]
    public void Replace_overwrites_every_field_and_raises_updated()
    {
        var product = Create();

        product.Replace(new ProductDetails("SKU-2", "Gadget", null, 0m, "JPY", []), Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.Sku, Is.EqualTo("SKU-2"));
            Assert.That(product.Name, Is.EqualTo("Gadget"));
            Assert.That(product.Description, Is.Null);
            Assert.That(product.Price, Is.Zero);
            Assert.That(product.Currency, Is.EqualTo("JPY"));
            Assert.That(product.Tags, Is.Empty);
            Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductUpdated(product.Id, TenantId, Now.AddHours(1))));
        }
    }

    [Test]
    public void Delete_marks_the_product_deleted_and_raises_deleted()
    {
        var product = Create();

        product.Delete(Now);

        Assert.That(product.DeletedAt, Is.EqualTo(Now));
        Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductDeleted(product.Id, TenantId, Now)));
    }

    [Test]
    public void Delete_is_idempotent()
    {
        var product = Create();
        product.Delete(Now);

        product.Delete(Now.AddHours(1));

        Assert.That(product.DeletedAt, Is.EqualTo(Now));
        Assert.That(product.DomainEvents, Has.Count.EqualTo(1));
    }

    [Test]
    public void Restore_brings_a_deleted_product_back_and_raises_restored()
    {
        var product = Create();
        product.Delete(Now);
        product.ClearDomainEvents();

        var result = product.Restore(Now.AddHours(1));

        ResultAssert.Succeeded(result);
        Assert.That(product.DeletedAt, Is.Null);
        Assert.That(product.DomainEvents.Single(), Is.EqualTo(new ProductRestored(product.Id, TenantId, Now.AddHours(1))));
    }

    [Test]
    public void Restoring_a_live_product_is_a_conflict_and_raises_nothing()
    {
        var product = Create();

        var result = product.Restore(Now);

        ResultAssert.Failed(result, ErrorKind.Conflict, "product.not_deleted");
        Assert.That(product.DomainEvents, Is.Empty);
    }

    [Test]
    public void A_new_product_is_version_1_created_and_updated_at_the_given_time()
    {
        var product = Product.Create(TenantId, Details, Now);

        Assert.That((product.Version, product.CreatedAt, product.UpdatedAt), Is.EqualTo((1u, Now, Now)));
    }

    [Test]
    public void Every_change_counts_one_version_and_records_its_time()
    {
        var product = Create();
        var later = Now.AddMinutes(5);

        product.Replace(Details with { Name = "Gadget" }, later);
        var afterReplace = (product.Version, product.UpdatedAt);
        product.Delete(later.AddMinutes(1));
        var afterDelete = product.Version;
        ResultAssert.Succeeded(product.Restore(later.AddMinutes(2)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterReplace, Is.EqualTo((2u, later)));
            Assert.That(afterDelete, Is.EqualTo(3u));
            Assert.That((product.Version, product.UpdatedAt), Is.EqualTo((4u, later.AddMinutes(2))));
            Assert.That(product.CreatedAt, Is.EqualTo(Now), "creation time never moves");
        }
    }

    [Test]
    public void Replacing_with_the_same_details_changes_nothing_not_even_the_version()
    {
        var product = Create();

        product.Replace(Details with { Tags = ["tools", "metal"], Price = 12.5m }, Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(product.Version, Is.EqualTo(1u), "the caller's ETag stays valid");
            Assert.That(product.UpdatedAt, Is.EqualTo(Now));
            Assert.That(product.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Deleting_a_deleted_product_counts_no_version()
    {
        var product = Create();
        product.Delete(Now);

        product.Delete(Now.AddMinutes(1));

        Assert.That(product.Version, Is.EqualTo(2u));
    }

    [TestCase("13.5", "13.50")]
    [TestCase("13", "13.00")]
    [TestCase("0", "0.00")]
    [TestCase("0.1", "0.10")]
    [TestCase("12.50", "12.50")]
    [TestCase("12.500", "12.50")]
    [TestCase("12.5000000", "12.50")]
    [TestCase("1000000000", "1000000000.00")]
    public void Create_stores_the_price_with_two_decimals(string price, string stored)
    {
        var product = Product.Create(TenantId, Details with { Price = Parse(price) }, Now);

        Assert.That(product.Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo(stored));
        Assert.That(product.Price.Scale, Is.EqualTo(2));
    }

    [TestCase("13.5", "13.50")]
    [TestCase("7", "7.00")]
    [TestCase("99.990", "99.99")]
    public void Replace_stores_the_price_with_two_decimals(string price, string stored)
    {
        var product = Create();

        product.Replace(Details with { Price = Parse(price) }, Now);

        Assert.That(product.Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo(stored));
    }

    [Test]
    public void Price_of_a_zero_decimal_currency_is_stored_with_two_decimals_too()
    {
        var product = Product.Create(TenantId, Details with { Price = 1500m, Currency = "JPY" }, Now);

        Assert.That(product.Price.ToString(CultureInfo.InvariantCulture), Is.EqualTo("1500.00"));
        Assert.That(Currency.ToMinorUnits(product.Price, product.Currency), Is.EqualTo(1500));
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
