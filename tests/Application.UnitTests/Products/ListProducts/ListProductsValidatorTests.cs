using FluentValidation.TestHelper;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.Products.ListProducts;

namespace QuoinApi.Application.UnitTests.Products.ListProducts;

public sealed class ListProductsValidatorTests
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ListProductsValidator _validator = new();

    private static ListProductsQuery Query(int pageSize = Paging.DefaultPageSize, string? pageToken = null, string? sort = null) =>
        new(new ListRequest(pageSize, pageToken, sort), ProductFilter.None);

    private static ListProductsQuery Query(ProductFilter filter) => new(ListRequest.Default, filter);

    [Test]
    public void Defaults_pass() => _validator.TestValidate(new ListProductsQuery()).ShouldNotHaveAnyValidationErrors();

    [TestCase(1)]
    [TestCase(100)]
    public void Page_size_within_bounds_passes(int pageSize) =>
        _validator.TestValidate(Query(pageSize)).ShouldNotHaveAnyValidationErrors();

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public void Page_size_out_of_bounds_is_reported_as_pageSize(int pageSize) =>
        _validator.TestValidate(Query(pageSize)).ShouldHaveValidationErrorFor("pageSize").Only();

    [TestCase("name")]
    [TestCase("sku")]
    [TestCase("-price")]
    [TestCase("createdAt")]
    [TestCase("-updatedAt")]
    [TestCase("price,-createdAt,name")]
    [TestCase("")]
    public void Whitelisted_sort_passes(string sort) =>
        _validator.TestValidate(Query(sort: sort)).ShouldNotHaveAnyValidationErrors();

    [TestCase("id")]
    [TestCase("description")]
    [TestCase("tags")]
    [TestCase("currency")]
    [TestCase("PRICE")]
    [TestCase("price,price")]
    [TestCase("-price,price")]
    [TestCase("price,,name")]
    public void Sort_outside_the_whitelist_is_reported_as_sort(string sort) =>
        _validator.TestValidate(Query(sort: sort)).ShouldHaveValidationErrorFor("sort").Only();

    [Test]
    public void Page_token_longer_than_2048_characters_is_reported_as_pageToken() =>
        _validator.TestValidate(Query(pageToken: new string('a', 2049))).ShouldHaveValidationErrorFor("pageToken").Only();

    [Test]
    public void Every_filter_within_bounds_passes() =>
        _validator.TestValidate(Query(new ProductFilter(
            Sku: new string('S', 64), Tag: new string('t', 32), MinPrice: 0m, MaxPrice: 0m,
            CreatedAfter: Instant, CreatedBefore: Instant.AddTicks(1), Q: new string('q', 200), IncludeDeleted: true)))
        .ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Sku_longer_than_64_is_reported_as_sku() =>
        _validator.TestValidate(Query(new ProductFilter(Sku: new string('S', 65)))).ShouldHaveValidationErrorFor("sku").Only();

    [Test]
    public void Tag_longer_than_32_is_reported_as_tag() =>
        _validator.TestValidate(Query(new ProductFilter(Tag: new string('t', 33)))).ShouldHaveValidationErrorFor("tag").Only();

    [Test]
    public void Q_longer_than_200_is_reported_as_q() =>
        _validator.TestValidate(Query(new ProductFilter(Q: new string('q', 201)))).ShouldHaveValidationErrorFor("q").Only();

    [Test]
    public void Negative_min_price_is_reported_as_minPrice() =>
        _validator.TestValidate(Query(new ProductFilter(MinPrice: -0.01m))).ShouldHaveValidationErrorFor("minPrice").Only();

    [Test]
    public void Max_price_below_min_price_is_reported_as_maxPrice() =>
        _validator.TestValidate(Query(new ProductFilter(MinPrice: 10m, MaxPrice: 9.99m))).ShouldHaveValidationErrorFor("maxPrice").Only();

    [Test]
    public void Negative_max_price_alone_is_reported_as_maxPrice() =>
        _validator.TestValidate(Query(new ProductFilter(MaxPrice: -1m))).ShouldHaveValidationErrorFor("maxPrice").Only();

    [Test]
    public void Max_price_equal_to_min_price_passes() =>
        _validator.TestValidate(Query(new ProductFilter(MinPrice: 10m, MaxPrice: 10m))).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Created_before_not_after_created_after_is_reported_as_createdBefore() =>
        _validator.TestValidate(Query(new ProductFilter(CreatedAfter: Instant, CreatedBefore: Instant)))
            .ShouldHaveValidationErrorFor("createdBefore").Only();

    [Test]
    public void Either_creation_bound_alone_passes()
    {
        _validator.TestValidate(Query(new ProductFilter(CreatedAfter: Instant))).ShouldNotHaveAnyValidationErrors();
        _validator.TestValidate(Query(new ProductFilter(CreatedBefore: Instant))).ShouldNotHaveAnyValidationErrors();
    }
}
