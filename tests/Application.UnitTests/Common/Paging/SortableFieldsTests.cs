using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ListProducts;

namespace QuoinApi.Application.UnitTests.Common.Paging;

public sealed class SortableFieldsTests
{
    private static readonly SortableFields<Domain.Products.Product> Fields = ProductSorting.Fields;

    [Test]
    public void Product_sort_whitelist() =>
        Assert.That(Fields.Names, Is.EquivalentTo(new[] { "name", "sku", "price", "createdAt", "updatedAt" }));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_sort_is_the_default_newest_first(string? sort)
    {
        Assert.That(Fields.TryParse(sort, out var keys), Is.True);
        Assert.That(keys, Is.EqualTo(new[] { new SortKey("createdAt", Descending: true) }));
    }

    [Test]
    public void Keys_keep_their_order_and_direction()
    {
        Assert.That(Fields.TryParse("price,-name,updatedAt", out var keys), Is.True);
        Assert.That(keys, Is.EqualTo(new[] { new SortKey("price", false), new SortKey("name", true), new SortKey("updatedAt", false) }));
    }

    [Test]
    public void Blanks_around_keys_are_ignored()
    {
        Assert.That(Fields.TryParse(" -price , sku ", out var keys), Is.True);
        Assert.That(keys, Is.EqualTo(new[] { new SortKey("price", true), new SortKey("sku", false) }));
    }

    [TestCase("id", Description = "the tiebreaker is implicit, not sortable on its own")]
    [TestCase("-id")]
    [TestCase("Name")]
    [TestCase("CREATEDAT")]
    [TestCase("tags")]
    [TestCase("name,name")]
    [TestCase("name,-name")]
    [TestCase("-")]
    [TestCase(",")]
    [TestCase("name,")]
    [TestCase(",name")]
    [TestCase("+name")]
    [TestCase("--name")]
    [TestCase("- name")]
    [TestCase("name desc")]
    [TestCase("name;price")]
    public void Anything_else_is_refused(string sort)
    {
        Assert.That(Fields.TryParse(sort, out var keys), Is.False);
        Assert.That(keys, Is.Empty);
    }

    [Test]
    public void Fingerprint_is_stable_and_binds_every_part()
    {
        var tenant = Guid.CreateVersion7();
        var binding = PageBinding.Of("products", tenant, ProductFilter.None);
        SortKey[] sort = [new("name", false)];

        var fingerprint = KeysetPager.Fingerprint(binding, sort);

        Assert.That(KeysetPager.Fingerprint(PageBinding.Of("products", tenant, new ProductFilter()), [new("name", false)]), Is.EqualTo(fingerprint));
        Assert.That(new[]
        {
            KeysetPager.Fingerprint(binding, [new("name", true)]),
            KeysetPager.Fingerprint(binding, [new("sku", false)]),
            KeysetPager.Fingerprint(binding, [new("name", false), new("price", false)]),
            KeysetPager.Fingerprint(PageBinding.Of("products", Guid.CreateVersion7(), ProductFilter.None), sort),
            KeysetPager.Fingerprint(PageBinding.Of("products", null, ProductFilter.None), sort),
            KeysetPager.Fingerprint(PageBinding.Of("products", tenant, new ProductFilter(Tag: "x")), sort),
            KeysetPager.Fingerprint(PageBinding.Of("products", tenant, new ProductFilter(IncludeDeleted: true)), sort),
            KeysetPager.Fingerprint(PageBinding.Of("api-keys", tenant), sort),
        }, Has.None.EqualTo(fingerprint).And.Unique);
    }
}
