using System.Globalization;
using System.Text.RegularExpressions;

namespace QuoinApi.Api.Http;

/// <summary>
/// The one strict reading of numbers, booleans and timestamps in query strings and JSON (docs/http-contract.md,
/// sections 1 and 5): digits only for integers (no hex, no sign but '-', no whitespace), plain decimals, lower-case
/// true/false, RFC 3339 timestamps with an offset. The patterns are also what the OpenAPI documents publish.
/// </summary>
public static partial class StrictValues
{
    public const string IntegerPattern = "^-?[0-9]+$";
    public const string DecimalPattern = "^-?[0-9]+(\\.[0-9]+)?$";

    /// <summary>RFC 3339 <c>date-time</c>: a full date, a time with optional fraction, and Z or a numeric offset.</summary>
    public const string TimestampPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$";

    public static bool TryParseInt64(string text, out long value)
    {
        value = 0;
        return Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        return Decimal().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseBoolean(string text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false";
    }

    /// <summary>Parses an RFC 3339 timestamp; fractions beyond 100 ns are truncated. Returns it in UTC.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? Match.Empty : Timestamp().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups["fraction"];
        var normalized = fraction.Success && fraction.Length > 8 ? text!.Remove(fraction.Index + 8, fraction.Length - 8) : text!;
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return false;
        }

        value = value.ToUniversalTime();
        return true;
    }

    // \z, not $: in .NET "$" also matches before a trailing newline.
    [GeneratedRegex("^-?[0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex("^-?[0-9]+(\\.[0-9]+)?\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?<fraction>\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();
}
