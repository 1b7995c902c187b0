using System.Security.Cryptography;

namespace QuoinApi.Domain.Webhooks;

/// <summary>
/// A Standard Webhooks signing secret: <c>whsec_</c> and the base64 of 32 random bytes. Receivers sign with the
/// decoded bytes, so the prefix and encoding are only how the secret travels.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    private const int KeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));

    /// <summary>The HMAC key of a secret this class generated.</summary>
    public static byte[] Decode(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a webhook secret.", nameof(secret));
        }

        return Convert.FromBase64String(secret[Prefix.Length..]);
    }
}
