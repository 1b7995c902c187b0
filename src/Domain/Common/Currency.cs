using System.Collections.Frozen;

namespace QuoinApi.Domain.Common;

/// <summary>ISO 4217 active currency codes and their minor units (decimal places).</summary>
public static class Currency
{
    // Codes with other than two minor units; every other listed code has two.
    private static readonly FrozenDictionary<string, int> NonDefaultMinorUnits = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
        ["CLF"] = 4, ["UYW"] = 4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string TwoDecimalCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW " +
        "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS " +
        "INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN " +
        "NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC " +
        "SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG";

    private static readonly FrozenDictionary<string, int> MinorUnitsByCode = TwoDecimalCodes
        .Split(' ')
        .Select(code => KeyValuePair.Create(code, 2))
        .Concat(NonDefaultMinorUnits)
        .ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    /// <summary>Every known code, in alphabetical order (what the API documents as allowed values).</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. MinorUnitsByCode.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The most minor units any known currency has (4, CLF and UYW).</summary>
    public static int MaxMinorUnits { get; } = MinorUnitsByCode.Values.Max();

    /// <summary>12.50 EUR → 1250; 1250 JPY → 1250. Fails when the amount has more decimals than the currency.</summary>
    public static long ToMinorUnits(decimal amount, string code)
    {
        var minor = amount * Pow10(MinorUnits(code));
        return minor == decimal.Truncate(minor)
            ? (long)minor
            : throw new ArgumentException($"{amount} has more decimals than {code} allows.", nameof(amount));
    }

    /// <summary>1250 EUR → 12.50; 1250 JPY → 1250.</summary>
    public static decimal FromMinorUnits(long amountMinor, string code) => amountMinor / Pow10(MinorUnits(code));

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };

    /// <summary>Decimal places of the currency's minor unit (2 for EUR, 0 for JPY).</summary>
    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units) ? units : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));
}
