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
}
