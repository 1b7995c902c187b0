using System.Globalization;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>
/// A strict reader of RFC 9651 structured-field lists (section 4.2.1): members are items (integers, decimals, strings,
/// tokens, byte sequences, booleans) or inner lists, each with parameters. Anything the RFC does not allow throws, so
/// a test that parses a header proves it is a valid structured field.
/// </summary>
public static class StructuredFieldList
{
    public sealed record Member(object Value, IReadOnlyDictionary<string, object> Parameters);

    public static IReadOnlyList<Member> Parse(string field)
    {
        var input = field.TrimStart(' ');
        var position = 0;
        var members = new List<Member>();
        input = input.TrimEnd(' ');
        while (position < input.Length)
        {
            members.Add(ParseMember(input, ref position));
            SkipOws(input, ref position);
            if (position >= input.Length)
            {
                return members;
            }

            Expect(input, ref position, ',');
            SkipOws(input, ref position);
            if (position >= input.Length)
            {
                throw new FormatException("A list may not end with a comma.");
            }
        }

        return members;
    }

    private static Member ParseMember(string input, ref int position)
    {
        object value;
        if (Peek(input, position) == '(')
        {
            position++;
            var items = new List<Member>();
            while (true)
            {
                while (Peek(input, position) == ' ')
                {
                    position++;
                }

                if (Peek(input, position) == ')')
                {
                    position++;
                    break;
                }

                items.Add(new Member(ParseBareItem(input, ref position), ParseParameters(input, ref position)));
                if (Peek(input, position) is not (' ' or ')'))
                {
                    throw new FormatException("Inner list items are separated by spaces.");
                }
            }

            value = items;
        }
        else
        {
            value = ParseBareItem(input, ref position);
        }

        return new Member(value, ParseParameters(input, ref position));
    }

    private static Dictionary<string, object> ParseParameters(string input, ref int position)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        while (Peek(input, position) == ';')
        {
            position++;
            while (Peek(input, position) == ' ')
            {
                position++;
            }

            var key = ParseKey(input, ref position);
            object value = true;
            if (Peek(input, position) == '=')
            {
                position++;
                value = ParseBareItem(input, ref position);
            }

            parameters[key] = value;
        }

        return parameters;
    }

    private static string ParseKey(string input, ref int position)
    {
        var start = position;
        if (Peek(input, position) is not (>= 'a' and <= 'z' or '*'))
        {
            throw new FormatException("A key starts with a lower-case letter or '*'.");
        }

        while (Peek(input, position) is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-' or '.' or '*')
        {
            position++;
        }

        return input[start..position];
    }

    private static object ParseBareItem(string input, ref int position)
    {
        var c = Peek(input, position);
        if (c is '-' or (>= '0' and <= '9'))
        {
            return ParseNumber(input, ref position);
        }

        if (c == '"')
        {
            position++;
            var text = new System.Text.StringBuilder();
            while (true)
            {
                var next = Peek(input, position++);
                if (next == '\\')
                {
                    var escaped = Peek(input, position++);
                    text.Append(escaped is '"' or '\\' ? escaped : throw new FormatException("Only \\\" and \\\\ are escapes."));
                }
                else if (next == '"')
                {
                    return text.ToString();
                }
                else if (next is < ' ' or > '~')
                {
                    throw new FormatException("Strings hold printable ASCII only.");
                }
                else
                {
                    text.Append(next);
                }
            }
        }

        if (c == '?')
        {
            position++;
            var flag = Peek(input, position++);
            return flag == '1' || (flag == '0' ? false : throw new FormatException("A boolean is ?0 or ?1."));
        }

        if (c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '*')
        {
            var start = position++;
            while (Peek(input, position) is var t && (char.IsAsciiLetterOrDigit(t) || ":/!#$%&'*+-.^_`|~".Contains(t, StringComparison.Ordinal)))
            {
                position++;
            }

            return new Token(input[start..position]);
        }

        if (c == ':')
        {
            var end = input.IndexOf(':', position + 1);
            if (end < 0)
            {
                throw new FormatException("An unterminated byte sequence.");
            }

            var bytes = Convert.FromBase64String(input[(position + 1)..end]);
            position = end + 1;
            return bytes;
        }

        throw new FormatException($"No bare item starts with '{c}'.");
    }

    private static object ParseNumber(string input, ref int position)
    {
        var start = position;
        if (Peek(input, position) == '-')
        {
            position++;
        }

        var digitsStart = position;
        while (Peek(input, position) is >= '0' and <= '9')
        {
            position++;
        }

        var integerDigits = position - digitsStart;
        if (integerDigits == 0)
        {
            throw new FormatException("A number needs a digit.");
        }

        if (Peek(input, position) != '.')
        {
            return integerDigits <= 15 ? long.Parse(input[start..position], CultureInfo.InvariantCulture) : throw new FormatException("Integers have at most 15 digits.");
        }

        position++;
        var fractionStart = position;
        while (Peek(input, position) is >= '0' and <= '9')
        {
            position++;
        }

        var fractionDigits = position - fractionStart;
        return integerDigits <= 12 && fractionDigits is >= 1 and <= 3
            ? decimal.Parse(input[start..position], CultureInfo.InvariantCulture)
            : throw new FormatException("Decimals have at most 12 integer and 1-3 fraction digits.");
    }

    private static void SkipOws(string input, ref int position)
    {
        while (Peek(input, position) is ' ' or '\t')
        {
            position++;
        }
    }

    private static void Expect(string input, ref int position, char expected)
    {
        if (Peek(input, position) != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position} in: {input}");
        }

        position++;
    }

    private static char Peek(string input, int position) => position < input.Length ? input[position] : '\0';

    /// <summary>A token item, kept apart from a string (RFC 9651 section 3.3.4).</summary>
    public sealed record Token(string Value);
}
