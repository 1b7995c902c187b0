using QuoinApi.Application.Common.Paging;
#if (IncludeProducts)
using QuoinApi.Application.Products;
#endif

namespace QuoinApi.Application.UnitTests.Common.Paging;

/// <summary>
/// The sort whitelist and page-token binding, on an entity of the test's own (a feature's list declares its fields the
/// same way, e.g. <c>ListApiKeysQuery.SortFields</c>), so the tests hold in every solution the template generates.
/// </summary>
public sealed class SortableFieldsTests
{
    private sealed record Item(Guid Id, string Name, string Sku, decimal Price, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> Tags);

    private sealed record ItemFilter(string? Tag = null, bool IncludeDeleted = false)
    {
        public static readonly ItemFilter None = new();
    }

    private static readonly SortableFields<Item> Fields = new SortableFields<Item>(i => i.Id, defaultSort: "-createdAt")
        .Add("name", i => i.Name)
        .Add("sku", i => i.Sku)
        .Add("price", i => i.Price)
        .Add("createdAt", i => i.CreatedAt)
        .Add("updatedAt", i => i.UpdatedAt);

#if (IncludeProducts)
    [Test]
    public void Product_sort_whitelist() =>
        Assert.That(ProductSorting.Fields.Names, Is.EquivalentTo(new[] { "name", "sku", "price", "createdAt", "updatedAt" }));

#endif
    [Test]
    public void Api_key_sort_whitelist() =>
        Assert.That(QuoinApi.Application.ApiKeys.ListApiKeys.ListApiKeysQuery.SortFields.Names, Is.EquivalentTo(new[] { "name", "createdAt" }));

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
        var binding = PageBinding.Of("items", tenant, ItemFilter.None);
        SortKey[] sort = [new("name", false)];

        var fingerprint = KeysetPager.Fingerprint(binding, sort);

        Assert.That(KeysetPager.Fingerprint(PageBinding.Of("items", tenant, new ItemFilter()), [new("name", false)]), Is.EqualTo(fingerprint));
        Assert.That(new[]
        {
            KeysetPager.Fingerprint(binding, [new("name", true)]),
            KeysetPager.Fingerprint(binding, [new("sku", false)]),
            KeysetPager.Fingerprint(binding, [new("name", false), new("price", false)]),
            KeysetPager.Fingerprint(PageBinding.Of("items", Guid.CreateVersion7(), ItemFilter.None), sort),
            KeysetPager.Fingerprint(PageBinding.Of("items", null, ItemFilter.None), sort),
            KeysetPager.Fingerprint(PageBinding.Of("items", tenant, new ItemFilter(Tag: "x")), sort),
            KeysetPager.Fingerprint(PageBinding.Of("items", tenant, new ItemFilter(IncludeDeleted: true)), sort),
            KeysetPager.Fingerprint(PageBinding.Of("api-keys", tenant), sort),
        }, Has.None.EqualTo(fingerprint).And.Unique);
    }
}
