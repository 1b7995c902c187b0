using System.Text;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Domain.UnitTests.ApiKeys;

public sealed class ApiKeySecretTests
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    [TestCase(ApiKeyEnvironment.Live, "qk_live_")]
    [TestCase(ApiKeyEnvironment.Test, "qk_test_")]
    public void Generated_key_is_well_formed_with_the_environment_prefix(ApiKeyEnvironment environment, string prefix)
    {
        var secret = ApiKeySecret.Generate(environment);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secret.Value, Has.Length.EqualTo(46));
            Assert.That(secret.Value, Does.StartWith(prefix));
            Assert.That(secret.Value[8..].All(char.IsAsciiLetterOrDigit), Is.True, "base62 after the prefix");
            Assert.That(ApiKeySecret.IsWellFormed(secret.Value), Is.True);
        }
    }

    [Test]
    public void Random_part_carries_at_least_160_bits()
    {
        // docs/http-contract.md#2-authentication-and-scopes asks for at least 160 bits of base62 randomness.
        Assert.That(ApiKeySecret.RandomLength * Math.Log2(62), Is.GreaterThanOrEqualTo(160));
    }

    [Test]
    public void Random_part_differs_between_calls()
    {
        var randomParts = Enumerable.Range(0, 200).Select(_ => ApiKeySecret.Generate(ApiKeyEnvironment.Live).Value[8..40]).ToList();

        Assert.That(randomParts, Is.Unique);
    }

    [Test]
    public void Checksum_detects_any_single_character_change()
    {
        var value = ApiKeySecret.Generate(ApiKeyEnvironment.Live).Value;
        var undetected = new List<string>();
        for (var position = 0; position < value.Length; position++)
        {
            foreach (var replacement in Base62 + "_-+/ ")
            {
                if (replacement == value[position])
                {
                    continue;
                }

                var altered = string.Concat(value.AsSpan(0, position), replacement.ToString(), value.AsSpan(position + 1));
                if (ApiKeySecret.IsWellFormed(altered))
                {
                    undetected.Add(altered);
                }
            }
        }

        Assert.That(undetected, Is.Empty);
    }

    [Test]
    public void Checksum_is_the_base62_crc32_of_prefix_and_random_part()
    {
        // Written from the format description with a bitwise CRC-32, independent of the table-driven implementation.
        var body = "qk_test_" + new string('a', 32);
        var key = body + ToBase62(BitwiseCrc32(Encoding.ASCII.GetBytes(body)), 6);

        Assert.That(ApiKeySecret.IsWellFormed(key), Is.True);
    }

    [TestCase("")]
    [TestCase("qk_live_")]
    [TestCase("qk_prod_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa000000")]
    [TestCase("not-an-api-key-at-all-but-forty-six-chars-xyz")]
    public void Malformed_text_is_rejected(string candidate) => Assert.That(ApiKeySecret.IsWellFormed(candidate), Is.False);

    [Test]
    public void Key_with_an_extra_or_missing_character_is_rejected()
    {
        var value = ApiKeySecret.Generate(ApiKeyEnvironment.Live).Value;

        Assert.That(ApiKeySecret.IsWellFormed(value + "a"), Is.False);
        Assert.That(ApiKeySecret.IsWellFormed(value.AsSpan(0, value.Length - 1)), Is.False);
    }

    [Test]
    public void HashOf_is_sha256_of_the_utf8_text()
    {
        // FIPS 180-2 test vector for "abc".
        Assert.That(Convert.ToHexStringLower(ApiKeySecret.HashOf("abc")),
            Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    [Test]
    public void Hash_of_a_secret_is_the_sha256_of_its_value()
    {
        var secret = ApiKeySecret.Generate(ApiKeyEnvironment.Live);

        Assert.That(secret.Hash(), Is.EqualTo(ApiKeySecret.HashOf(secret.Value)));
        Assert.That(secret.Hash(), Has.Length.EqualTo(32));
    }

    [Test]
    public void Display_prefix_is_the_first_12_characters()
    {
        var secret = ApiKeySecret.Generate(ApiKeyEnvironment.Live);

        Assert.That(secret.DisplayPrefix, Has.Length.EqualTo(12));
        Assert.That(secret.DisplayPrefix, Is.EqualTo(secret.Value[..12]));
    }

    [TestCase("this-is-a-bootstrap-secret-of-32+")]
    [TestCase("qk_short")]
    public void Display_prefix_of_a_secret_outside_the_key_format_reveals_nothing(string secret) =>
        Assert.That(ApiKeySecret.DisplayPrefixOf(secret), Is.EqualTo("bootstrap"));

    [Test]
    public void ToString_never_shows_the_secret()
    {
        var secret = ApiKeySecret.Generate(ApiKeyEnvironment.Live);

        Assert.That(secret.ToString(), Is.EqualTo(secret.DisplayPrefix + "…"));
        Assert.That(secret.ToString(), Does.Not.Contain(secret.Value[12..]));
    }

    private static uint BitwiseCrc32(byte[] data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string ToBase62(uint value, int width)
    {
        var digits = new char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }
}
