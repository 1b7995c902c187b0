using System.Globalization;
using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.UnitTests.Common;

public sealed class CurrencyTests
{
    [TestCase("JPY", 0)]
    [TestCase("KRW", 0)]
    [TestCase("EUR", 2)]
    [TestCase("USD", 2)]
    [TestCase("BHD", 3)]
    [TestCase("KWD", 3)]
    [TestCase("CLF", 4)]
    public void Minor_units_follow_iso_4217(string code, int minorUnits)
    {
        Assert.That(Currency.IsKnown(code), Is.True);
        Assert.That(Currency.MinorUnits(code), Is.EqualTo(minorUnits));
    }

    [TestCase("XXX")]
    [TestCase("eur")]
    [TestCase("EURO")]
    [TestCase("")]
    [TestCase(null)]
    public void Unknown_code_is_not_known(string? code) => Assert.That(Currency.IsKnown(code), Is.False);

    [Test]
    public void Minor_units_of_an_unknown_code_throw() => Assert.Throws<ArgumentException>(() => Currency.MinorUnits("XXX"));

    [TestCase("12.50", "EUR", 1250)]
    [TestCase("12.5", "EUR", 1250)]
    [TestCase("0.01", "EUR", 1)]
    [TestCase("0", "EUR", 0)]
    [TestCase("1000000000.00", "USD", 100000000000)]
    [TestCase("1500", "JPY", 1500)]
    [TestCase("1500.00", "JPY", 1500)]
    [TestCase("1.235", "BHD", 1235)]
    [TestCase("1.2", "BHD", 1200)]
    [TestCase("0.0001", "CLF", 1)]
    [TestCase("-12.50", "EUR", -1250)]
    public void To_minor_units(string amount, string code, long minor) =>
        Assert.That(Currency.ToMinorUnits(Parse(amount), code), Is.EqualTo(minor));

    [TestCase(1250, "EUR", "12.50")]
    [TestCase(1, "EUR", "0.01")]
    [TestCase(0, "EUR", "0")]
    [TestCase(1500, "JPY", "1500")]
    [TestCase(1235, "BHD", "1.235")]
    [TestCase(1, "CLF", "0.0001")]
    [TestCase(-1250, "EUR", "-12.50")]
    public void From_minor_units(long minor, string code, string amount) =>
        Assert.That(Currency.FromMinorUnits(minor, code), Is.EqualTo(Parse(amount)));

    [TestCase(1250, "EUR")]
    [TestCase(1500, "JPY")]
    [TestCase(1235, "BHD")]
    [TestCase(99999, "CLF")]
    [TestCase(100000000000, "USD")]
    public void Minor_units_round_trip(long minor, string code) =>
        Assert.That(Currency.ToMinorUnits(Currency.FromMinorUnits(minor, code), code), Is.EqualTo(minor));

    [TestCase("12.345", "EUR")]
    [TestCase("0.001", "USD")]
    [TestCase("12.5", "JPY")]
    [TestCase("1500.01", "JPY")]
    [TestCase("1.2345", "BHD")]
    [TestCase("0.00001", "CLF")]
    public void To_minor_units_throws_for_more_decimals_than_the_currency_has(string amount, string code) =>
        Assert.That(() => Currency.ToMinorUnits(Parse(amount), code),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("amount"));

    [Test]
    public void Conversions_with_an_unknown_code_throw()
    {
        Assert.That(() => Currency.ToMinorUnits(12.50m, "XXX"), Throws.ArgumentException);
        Assert.That(() => Currency.FromMinorUnits(1250, "XXX"), Throws.ArgumentException);
    }

    private static decimal Parse(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);
}
