using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QuoinApi.Infrastructure.Idempotency;

/// <summary>AES-256-GCM for stored responses that carry secrets: <c>nonce(12) | tag(16) | ciphertext</c>.</summary>
internal sealed class ResponseProtector
{
    private readonly byte[] _key;

    public ResponseProtector(IOptions<IdempotencyOptions> options, ILogger<ResponseProtector> logger)
    {
        var configured = options.Value.ResponseEncryptionKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("Idempotency:ResponseEncryptionKey is not set: responses carrying secrets are encrypted with a per-process key.");
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }
    }

    public byte[] Seal(byte[] plaintext)
    {
        var sealedBytes = new byte[12 + 16 + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16));
        return sealedBytes;
    }

    public bool TryOpen(byte[] stored, bool encrypted, out byte[] plaintext)
    {
        plaintext = stored;
        if (!encrypted)
        {
            return true;
        }

        if (stored.Length < 28)
        {
            return false;
        }

        plaintext = new byte[stored.Length - 28];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(stored.AsSpan(0, 12), stored.AsSpan(28), stored.AsSpan(12, 16), plaintext);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
