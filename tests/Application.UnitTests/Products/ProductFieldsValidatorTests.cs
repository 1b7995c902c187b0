using System.Globalization;
using FluentValidation.TestHelper;
using QuoinApi.Application.Products;

namespace QuoinApi.Application.UnitTests.Products;

/// <summary>
/// The product rules (docs/http-contract.md#products) at their boundaries. Create and replace share one validator base; each command's test class
/// derives from this one, so both are held to every rule.
/// </summary>
public abstract class ProductFieldsValidatorTests<TCommand>
    where TCommand : IProductFields
{
    protected abstract ProductFieldsValidator<TCommand> CreateValidator();

    protected abstract TCommand ToCommand(ProductFieldValues fields);

    private TestValidationResult<TCommand> Validate(ProductFieldValues fields) => CreateValidator().TestValidate(ToCommand(fields));

    private static string Repeat(char c, int count) => new(c, count);

    private static decimal Decimal(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    [Test]
    public void Valid_fields_pass() => Validate(ProductFieldValues.Valid).ShouldNotHaveAnyValidationErrors();

    [TestCase(1)]
    [TestCase(64)]
    public void Sku_of_allowed_length_passes(int length) =>
        Validate(ProductFieldValues.Valid with { Sku = Repeat('A', length) }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Sku_of_65_characters_fails() =>
        Validate(ProductFieldValues.Valid with { Sku = Repeat('A', 65) }).ShouldHaveValidationErrorFor("Sku");

    [Test]
    public void Empty_sku_fails() => Validate(ProductFieldValues.Valid with { Sku = "" }).ShouldHaveValidationErrorFor("Sku");

    [Test]
    public void Sku_made_of_every_allowed_character_passes() =>
        Validate(ProductFieldValues.Valid with { Sku = "ABCXYZ-0189_" }).ShouldNotHaveAnyValidationErrors();

    [TestCase("sku-1")]
    [TestCase("SKU 1")]
    [TestCase("SKU.1")]
    [TestCase("SKU/1")]
    [TestCase("SKÜ")]
    [TestCase(" SKU")]
    public void Sku_outside_the_allowed_alphabet_fails(string sku) =>
        Validate(ProductFieldValues.Valid with { Sku = sku })
            .ShouldHaveValidationErrorFor("Sku")
            .WithErrorMessage("'sku' may contain only A-Z, 0-9, '-' and '_'.");

    [TestCase("SKU-1\n")]
    [TestCase("SKU-1\r\n")]
    [TestCase("\nSKU-1")]
    public void Sku_with_a_line_break_fails(string sku) =>
        Validate(ProductFieldValues.Valid with { Sku = sku }).ShouldHaveValidationErrorFor("Sku");

    [TestCase(1)]
    [TestCase(200)]
    public void Name_of_allowed_length_passes(int length) =>
        Validate(ProductFieldValues.Valid with { Name = Repeat('n', length) }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Name_of_201_characters_fails() =>
        Validate(ProductFieldValues.Valid with { Name = Repeat('n', 201) }).ShouldHaveValidationErrorFor("Name");

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void Blank_name_fails(string name) =>
        Validate(ProductFieldValues.Valid with { Name = name })
            .ShouldHaveValidationErrorFor("Name")
            .WithErrorMessage("'name' must not be empty.");

    [Test]
    public void Missing_description_passes() =>
        Validate(ProductFieldValues.Valid with { Description = null }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Description_of_2000_characters_passes() =>
        Validate(ProductFieldValues.Valid with { Description = Repeat('d', 2000) }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Description_of_2001_characters_fails() =>
        Validate(ProductFieldValues.Valid with { Description = Repeat('d', 2001) }).ShouldHaveValidationErrorFor("Description");

    [TestCase("0")]
    [TestCase("0.01")]
    [TestCase("12.5")]
    [TestCase("12.50")]
    [TestCase("12.500")]
    [TestCase("1000000000")]
    [TestCase("1000000000.00")]
    public void Price_within_range_and_two_decimals_passes(string price) =>
        Validate(ProductFieldValues.Valid with { Price = Decimal(price) }).ShouldNotHaveAnyValidationErrors();

    [TestCase("-0.01")]
    [TestCase("1000000000.01")]
    public void Price_out_of_range_fails(string price) =>
        Validate(ProductFieldValues.Valid with { Price = Decimal(price) }).ShouldHaveValidationErrorFor("Price");

    [TestCase("12.345")]
    [TestCase("0.001")]
    public void Price_with_more_than_two_decimals_fails(string price) =>
        Validate(ProductFieldValues.Valid with { Price = Decimal(price) })
            .ShouldHaveValidationErrorFor("Price")
            .WithErrorMessage("'price' must have at most 2 decimal places.");

    [Test]
    public void Missing_price_fails() => Validate(ProductFieldValues.Valid with { Price = null }).ShouldHaveValidationErrorFor("Price");

    [Test]
    public void Missing_price_with_an_unknown_currency_fails_on_both()
    {
        var result = Validate(ProductFieldValues.Valid with { Price = null, Currency = "XXX" });

        result.ShouldHaveValidationErrorFor("Price");
        result.ShouldHaveValidationErrorFor("Currency");
    }

    [TestCase("EUR")]
    [TestCase("USD")]
    [TestCase("JPY")]
    [TestCase("BHD")]
    public void Known_currency_passes(string currency) =>
        Validate(ProductFieldValues.Valid with { Price = 12m, Currency = currency }).ShouldNotHaveAnyValidationErrors();

    [TestCase("12.5", "JPY")]
    [TestCase("0.01", "ISK")]
    [TestCase("1500.1", "KRW")]
    public void Price_with_more_decimals_than_its_currency_fails(string price, string currency) =>
        Validate(ProductFieldValues.Valid with { Price = Decimal(price), Currency = currency })
            .ShouldHaveValidationErrorFor("Price")
            .WithErrorMessage($"'price' has more decimal places than {currency} allows.");

    [TestCase("1500", "JPY")]
    [TestCase("1500.00", "JPY")]
    [TestCase("1.25", "BHD")]
    [TestCase("0.05", "CLF")]
    public void Price_within_its_currency_decimals_passes(string price, string currency) =>
        Validate(ProductFieldValues.Valid with { Price = Decimal(price), Currency = currency }).ShouldNotHaveAnyValidationErrors();

    [TestCase("XXX")]
    [TestCase("eur")]
    [TestCase("EURO")]
    [TestCase("")]
    public void Unknown_currency_fails(string currency) =>
        Validate(ProductFieldValues.Valid with { Currency = currency }).ShouldHaveValidationErrorFor("Currency");

    [Test]
    public void Missing_tags_pass() => Validate(ProductFieldValues.Valid with { Tags = null }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void No_tags_pass() => Validate(ProductFieldValues.Valid with { Tags = [] }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Twenty_tags_pass() =>
        Validate(ProductFieldValues.Valid with { Tags = [.. Enumerable.Range(0, 20).Select(i => $"tag{i}")] }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Twenty_one_tags_fail() =>
        Validate(ProductFieldValues.Valid with { Tags = [.. Enumerable.Range(0, 21).Select(i => $"tag{i}")] })
            .ShouldHaveValidationErrorFor("Tags")
            .WithErrorMessage("'tags' may hold at most 20 tags.");

    [Test]
    public void Tag_of_32_characters_passes() =>
        Validate(ProductFieldValues.Valid with { Tags = [Repeat('t', 32)] }).ShouldNotHaveAnyValidationErrors();

    [Test]
    public void Tag_of_33_characters_fails_at_its_index() =>
        Validate(ProductFieldValues.Valid with { Tags = ["ok", Repeat('t', 33)] }).ShouldHaveValidationErrorFor("Tags[1]");

    [TestCase("")]
    [TestCase("  ")]
    public void Blank_tag_fails_at_its_index(string tag) =>
        Validate(ProductFieldValues.Valid with { Tags = [tag, "ok"] }).ShouldHaveValidationErrorFor("Tags[0]");
}
