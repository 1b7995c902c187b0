using System.Security.Cryptography;
using System.Text;

namespace QuoinApi.Domain.ApiKeys;

/// <summary>
/// The plaintext of an API key, GitHub-token style: <c>qk_live_</c> or <c>qk_test_</c>, 32 base62 characters of
/// randomness (~190 bits) and a 6-character base62 CRC-32 of everything before it. The checksum lets a typo or a
/// forged key be rejected without a database lookup. Only <see cref="Hash"/> and <see cref="DisplayPrefix"/> are stored.
/// </summary>
public sealed class ApiKeySecret
{
    public const string LivePrefix = "qk_live_";
    public const string TestPrefix = "qk_test_";
    public const int RandomLength = 32;
    public const int ChecksumLength = 6;
    public const int Length = 8 + RandomLength + ChecksumLength;

    /// <summary>Shortest secret accepted for the bootstrap administrator key.</summary>
    public const int BootstrapMinLength = 32;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private ApiKeySecret(string value) => Value = value;

    public string Value { get; }

    /// <summary>Safe to store and show: the environment marker and the first four random characters.</summary>
    public string DisplayPrefix => DisplayPrefixOf(Value);

    public byte[] Hash() => HashOf(Value);

    public static ApiKeySecret Generate(ApiKeyEnvironment environment)
    {
        var prefix = environment == ApiKeyEnvironment.Live ? LivePrefix : TestPrefix;
        Span<char> buffer = stackalloc char[Length];
        prefix.AsSpan().CopyTo(buffer);
        for (var i = 0; i < RandomLength; i++)
        {
            buffer[8 + i] = Base62[RandomNumberGenerator.GetInt32(Base62.Length)];
        }

        WriteChecksum(buffer[..(8 + RandomLength)], buffer[(8 + RandomLength)..]);
        return new ApiKeySecret(new string(buffer));
    }

    /// <summary>True when the text has the key format and a correct checksum. No I/O.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> candidate)
    {
        if (candidate.Length != Length || !(candidate.StartsWith(LivePrefix) || candidate.StartsWith(TestPrefix)))
        {
            return false;
        }

        foreach (var c in candidate[8..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        Span<char> expected = stackalloc char[ChecksumLength];
        WriteChecksum(candidate[..(8 + RandomLength)], expected);
        return expected.SequenceEqual(candidate[(8 + RandomLength)..]);
    }

    /// <summary>SHA-256 of the UTF-8 secret. Keys carry ~190 bits of entropy, so a fast hash is the right tool (no KDF needed).</summary>
    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string DisplayPrefixOf(string secret) =>
        secret.StartsWith("qk_", StringComparison.Ordinal) && secret.Length >= 12 ? secret[..12] : "bootstrap";

    private static void WriteChecksum(ReadOnlySpan<char> body, Span<char> destination)
    {
        Span<byte> bytes = stackalloc byte[body.Length];
        for (var i = 0; i < body.Length; i++)
        {
            bytes[i] = (byte)body[i];
        }

        var crc = Crc32.Compute(bytes);
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }
    }

    public override string ToString() => DisplayPrefix + "…";
}
