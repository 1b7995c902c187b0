using System.Globalization;
using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.PatchProduct;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Products;

namespace QuoinApi.Application.UnitTests.Products.PatchProduct;

public sealed class PatchProductHandlerTests
{
    private const uint CurrentVersion = 7;

    private HandlerTestContext _context = null!;
    private PatchProductHandler _handler = null!;
    private Guid _tenantId;
    private Product _product = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new PatchProductHandler(_context.Products, _context.Conflicts, _context.Mappings, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.ProductsWrite);
        _product = _context.SeedProduct(
            _tenantId, new ProductDetails("SKU-1", "Widget", "A widget", 12.50m, "EUR", ["tools", "metal"]), version: CurrentVersion);
        _context.Clock.Advance(TimeSpan.FromMinutes(5));
    }

    private Task<Result<ProductDto>> Patch(ProductPatch patch, IfMatch? precondition = null, Guid? id = null) =>
        _handler.Handle(new PatchProductCommand(id ?? _product.Id, patch, precondition), CancellationToken.None);

    private static ProductPatch V2(ProductPatch patch) => patch with { PriceInMinorUnits = true };

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private Product SeedJpyProduct() =>
        _context.SeedProduct(_tenantId, new ProductDetails("SKU-JPY", "Teapot", null, 1500m, "JPY", []), version: CurrentVersion);

    /// <summary>A failed patch changes nothing: no save, no event, the tracked aggregate as it was.</summary>
    private void AssertNothingChanged()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_product.DomainEvents, Is.Empty);
            Assert.That(_product.Sku, Is.EqualTo("SKU-1"));
            Assert.That(_product.Name, Is.EqualTo("Widget"));
            Assert.That(_product.Description, Is.EqualTo("A widget"));
            Assert.That(_product.Price, Is.EqualTo(12.50m));
            Assert.That(_product.Currency, Is.EqualTo("EUR"));
            Assert.That(_product.Tags, Is.EqualTo(new[] { "tools", "metal" }));
        }
    }

    // --- Success -----------------------------------------------------------------------------------------------------

    [Test]
    public async Task Empty_patch_keeps_every_field_and_saves_once()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(_product.Id));
            Assert.That(dto.Sku, Is.EqualTo("SKU-1"));
            Assert.That(dto.Name, Is.EqualTo("Widget"));
            Assert.That(dto.Description, Is.EqualTo("A widget"));
            Assert.That(dto.Price, Is.EqualTo(12.50m));
            Assert.That(dto.Currency, Is.EqualTo("EUR"));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(dto.Version, Is.EqualTo(CurrentVersion));
        }
    }

    [Test]
    public async Task Patched_members_change_the_others_stay_and_updated_is_raised()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Sku = "SKU-2", Name = " Gadget " }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Sku, Is.EqualTo("SKU-2"));
            Assert.That(dto.Name, Is.EqualTo("Gadget"), "trimmed like PUT");
            Assert.That(dto.Description, Is.EqualTo("A widget"));
            Assert.That(dto.Price, Is.EqualTo(12.50m));
            Assert.That(dto.Tags, Is.EqualTo(new[] { "tools", "metal" }));
            Assert.That(_product.Sku, Is.EqualTo("SKU-2"));
            Assert.That(_product.DomainEvents.Single(),
                Is.EqualTo(new ProductUpdated(_product.Id, _tenantId, HandlerTestContext.Now.AddMinutes(5))));
        }
    }

    [Test]
    public async Task V1_price_is_major_units_stored_with_two_decimals()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Price = 13.5m }));

        Assert.That(Text(dto.Price), Is.EqualTo("13.50"));
        Assert.That(dto.Currency, Is.EqualTo("EUR"));
        Assert.That(_product.Price, Is.EqualTo(13.50m));
    }

    [Test]
    public async Task V1_currency_change_alone_keeps_the_major_amount()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Currency = "USD" }));

        Assert.That(dto.Price, Is.EqualTo(12.50m));
        Assert.That(dto.Currency, Is.EqualTo("USD"));
    }

    [Test]
    public async Task V1_price_and_currency_together()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Price = 1500m, Currency = "JPY" }));

        Assert.That(dto.Price, Is.EqualTo(1500m));
        Assert.That(dto.Currency, Is.EqualTo("JPY"));
    }

    [Test]
    public async Task V2_amount_minor_is_converted_with_the_currencys_minor_units()
    {
        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { AmountMinor = 1999 })));

        Assert.That(Text(dto.Price), Is.EqualTo("19.99"));
        Assert.That(dto.Currency, Is.EqualTo("EUR"));
    }

    [Test]
    public async Task V2_amount_minor_of_a_zero_decimal_currency()
    {
        var product = SeedJpyProduct();

        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { AmountMinor = 2500 }), id: product.Id));

        Assert.That(dto.Price, Is.EqualTo(2500m));
        Assert.That(Currency.ToMinorUnits(dto.Price, dto.Currency), Is.EqualTo(2500));
    }

    [TestCase("JPY", "1250")]
    [TestCase("USD", "12.50")]
    [TestCase("KWD", "1.25")]
    public async Task V2_currency_change_alone_keeps_the_minor_amount(string currency, string price)
    {
        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { Currency = currency })));

        Assert.That(dto.Currency, Is.EqualTo(currency));
        Assert.That(dto.Price, Is.EqualTo(decimal.Parse(price, CultureInfo.InvariantCulture)));
        Assert.That(Currency.ToMinorUnits(dto.Price, dto.Currency), Is.EqualTo(1250));
    }

    [Test]
    public async Task V2_currency_change_from_a_zero_decimal_currency_keeps_the_minor_amount()
    {
        var product = SeedJpyProduct();

        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { Currency = "EUR" }), id: product.Id));

        Assert.That(Text(dto.Price), Is.EqualTo("15.00"));
        Assert.That(dto.Currency, Is.EqualTo("EUR"));
    }

    [Test]
    public async Task V2_amount_minor_and_currency_together()
    {
        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { AmountMinor = 1500, Currency = "JPY" })));

        Assert.That(dto.Price, Is.EqualTo(1500m));
        Assert.That(dto.Currency, Is.EqualTo("JPY"));
    }

    [Test]
    public async Task V2_patch_without_price_members_keeps_the_price()
    {
        var dto = ResultAssert.Succeeded(await Patch(V2(new ProductPatch { Name = "Renamed" })));

        Assert.That(Text(dto.Price), Is.EqualTo("12.50"));
        Assert.That(dto.Name, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Description_set_to_null_is_removed()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Description = new Optional<string?>(true, null) }));

        Assert.That(dto.Description, Is.Null);
        Assert.That(_product.Description, Is.Null);
    }

    [Test]
    public async Task Description_replaced()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Description = "Shiny" }));

        Assert.That(dto.Description, Is.EqualTo("Shiny"));
    }

    [Test]
    public async Task Tags_are_replaced_as_a_whole()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Tags = new[] { "garden" } }));

        Assert.That(dto.Tags, Is.EqualTo(new[] { "garden" }));
        Assert.That(_product.Tags, Is.EqualTo(new[] { "garden" }));
    }

    [Test]
    public async Task Tags_set_to_empty_are_removed()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Tags = new Optional<IReadOnlyList<string>>(true, []) }));

        Assert.That(dto.Tags, Is.Empty);
    }

    [Test]
    public async Task Tags_set_to_null_are_removed()
    {
        var dto = ResultAssert.Succeeded(await Patch(new ProductPatch { Tags = new Optional<IReadOnlyList<string>>(true, null!) }));

        Assert.That(dto.Tags, Is.Empty);
    }

    [Test]
    public async Task Keeping_the_same_sku_is_not_a_conflict()
    {
        ResultAssert.Succeeded(await Patch(new ProductPatch { Sku = "SKU-1" }));
    }

    [TestCase(CurrentVersion)]
    [TestCase(3u, CurrentVersion)]
    public async Task Matching_if_match_passes(params uint[] versions)
    {
        ResultAssert.Succeeded(await Patch(new ProductPatch { Name = "Renamed" }, IfMatch.For(versions)));

        Assert.That(_product.Name, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Wildcard_if_match_passes() =>
        ResultAssert.Succeeded(await Patch(new ProductPatch { Name = "Renamed" }, IfMatch.Wildcard));

    [Test]
    public async Task Absent_if_match_passes()
    {
        ResultAssert.Succeeded(await Patch(new ProductPatch { Name = "Renamed" }, IfMatch.None));
        ResultAssert.Succeeded(await Patch(new ProductPatch { Name = "Renamed again" }, precondition: null));
    }

    // --- Failure -----------------------------------------------------------------------------------------------------

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        ResultAssert.Failed(await Patch(new ProductPatch { Name = "X" }, id: Guid.CreateVersion7()), ErrorKind.NotFound, "product.not_found");

        AssertNothingChanged();
    }

    [Test]
    public async Task Not_found_wins_over_a_failed_precondition()
    {
        var result = await Patch(new ProductPatch(), IfMatch.For(1), Guid.CreateVersion7());

        ResultAssert.Failed(result, ErrorKind.NotFound, "product.not_found");
    }

    [TestCase(6u)]
    [TestCase(8u)]
    [TestCase(0u, 1u)]
    public async Task Stale_if_match_is_a_version_mismatch(params uint[] versions)
    {
        var result = await Patch(new ProductPatch { Name = "Lost update" }, IfMatch.For(versions));

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
        AssertNothingChanged();
    }

    [Test]
    public async Task Unreadable_if_match_is_a_version_mismatch()
    {
        var result = await Patch(new ProductPatch { Name = "X" }, new IfMatch(IsPresent: true, Any: false, Versions: []));

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
        AssertNothingChanged();
    }

    [Test]
    public async Task Precondition_is_checked_before_validation()
    {
        var result = await Patch(new ProductPatch { Sku = "bad sku" }, IfMatch.For(1));

        ResultAssert.Failed(result, ErrorKind.VersionMismatch, "product.version_mismatch");
    }

    private async Task<IReadOnlyDictionary<string, string[]>> ValidationErrorsOf(ProductPatch patch)
    {
        var error = ResultAssert.Failed(await Patch(patch), ErrorKind.Validation, "validation_failed");
        AssertNothingChanged();
        return error.ValidationErrors!;
    }

    [Test]
    public async Task Invalid_sku_is_a_validation_error_on_sku() =>
        Assert.That((await ValidationErrorsOf(new ProductPatch { Sku = "sku 1" })).Keys, Is.EqualTo(new[] { "sku" }));

    [Test]
    public async Task Blank_name_is_a_validation_error_on_name() =>
        Assert.That((await ValidationErrorsOf(new ProductPatch { Name = "  " })).Keys, Is.EqualTo(new[] { "name" }));

    [Test]
    public async Task Too_long_description_is_a_validation_error_on_description() =>
        Assert.That((await ValidationErrorsOf(new ProductPatch { Description = new string('d', 2001) })).Keys, Is.EqualTo(new[] { "description" }));

    [TestCase("-1")]
    [TestCase("1000000000.01")]
    [TestCase("12.345")]
    public async Task Invalid_v1_price_is_a_validation_error_on_price(string price) =>
        Assert.That((await ValidationErrorsOf(new ProductPatch { Price = decimal.Parse(price, CultureInfo.InvariantCulture) })).Keys,
            Is.EqualTo(new[] { "price" }));

    [Test]
    public async Task V1_currency_change_leaving_too_many_decimals_is_a_validation_error_on_price()
    {
        var errors = await ValidationErrorsOf(new ProductPatch { Currency = "JPY" });

        Assert.That(errors.Keys, Is.EqualTo(new[] { "price" }));
        Assert.That(errors["price"].Single(), Does.Contain("JPY"));
    }

    [TestCase(-1L)]
    [TestCase(100_000_000_001L)]
    public async Task Invalid_v2_amount_minor_is_a_validation_error_on_price(long amountMinor) =>
        Assert.That((await ValidationErrorsOf(V2(new ProductPatch { AmountMinor = amountMinor }))).Keys, Is.EqualTo(new[] { "price" }));

    [Test]
    public async Task V2_amount_with_more_decimals_than_stored_is_a_validation_error_on_price()
    {
        // 1.235 BHD is a valid BHD amount, but the database keeps two decimals (docs/http-contract.md#products): a 400, not a silent rounding.
        var errors = await ValidationErrorsOf(V2(new ProductPatch { AmountMinor = 1235, Currency = "BHD" }));

        Assert.That(errors.Keys, Is.EqualTo(new[] { "price" }));
    }

    [TestCase("XXX")]
    [TestCase("eur")]
    [TestCase("")]
    public async Task Unknown_currency_is_a_validation_error_on_currency(string currency)
    {
        Assert.That((await ValidationErrorsOf(new ProductPatch { Currency = currency })).Keys, Is.EqualTo(new[] { "currency" }));
        Assert.That((await ValidationErrorsOf(V2(new ProductPatch { Currency = currency }))).Keys, Is.EqualTo(new[] { "currency" }));
        Assert.That((await ValidationErrorsOf(V2(new ProductPatch { AmountMinor = 100, Currency = currency }))).Keys, Is.EqualTo(new[] { "currency" }));
    }

    [Test]
    public async Task Invalid_tags_are_validation_errors_at_their_index()
    {
        var errors = await ValidationErrorsOf(new ProductPatch { Tags = new[] { "ok", new string('t', 33), "" } });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "tags[1]", "tags[2]" }));
    }

    [Test]
    public async Task Too_many_tags_is_a_validation_error_on_tags() =>
        Assert.That((await ValidationErrorsOf(new ProductPatch { Tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToArray() })).Keys,
            Is.EqualTo(new[] { "tags" }));

    [Test]
    public async Task Every_invalid_member_is_reported_at_once()
    {
        var errors = await ValidationErrorsOf(new ProductPatch { Sku = "", Name = "", Price = -1m, Currency = "XXX" });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sku", "name", "price", "currency" }));
    }

    [Test]
    public async Task Names_the_live_sku_rule_for_the_merged_sku()
    {
        ResultAssert.Succeeded(await Patch(new ProductPatch { Sku = "SKU-NEW", Name = "Renamed" }));

        Assert.That(_context.Conflicts.TryGet(ProductConstraints.LiveSku, out var error), Is.True);
        Assert.That(error, Is.EqualTo(ProductErrors.SkuInUse("SKU-NEW")));
    }

    [Test]
    public async Task Validation_is_reported_before_the_sku_conflict()
    {
        _context.SeedProduct(_tenantId, "SKU-TAKEN");

        var result = await Patch(new ProductPatch { Sku = "SKU-TAKEN", Name = "" });

        ResultAssert.Failed(result, ErrorKind.Validation, "validation_failed");
        AssertNothingChanged();
    }
}
