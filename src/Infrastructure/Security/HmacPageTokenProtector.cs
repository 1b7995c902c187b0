using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Infrastructure.Security;

/// <summary>Page tokens are <c>base64url(payload).base64url(HMAC-SHA256(payload)[..16])</c>: opaque and tamper-proof.</summary>
public sealed class HmacPageTokenProtector : IPageTokenProtector
{
    private const int MacLength = 16;
    private readonly byte[][] _keys;

    public HmacPageTokenProtector(IOptions<PagingOptions> options, ILogger<HmacPageTokenProtector> logger)
    {
        _keys = [.. options.Value.TokenSigningKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => Encoding.UTF8.GetBytes(k))];
        if (_keys.Any(k => k.Length < 32))
        {
            throw new InvalidOperationException("Paging:TokenSigningKeys entries need at least 32 characters.");
        }

        if (_keys.Length == 0)
        {
            logger.LogWarning("Paging:TokenSigningKeys is not set: page tokens are signed with a random key and do not survive a restart or cross instances.");
            _keys = [RandomNumberGenerator.GetBytes(32)];
        }
    }

    public string Protect(byte[] payload) =>
        Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_keys[0], payload).AsSpan(0, MacLength));

    public bool TryUnprotect(string token, out byte[] payload)
    {
        payload = [];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1)
        {
            return false;
        }

        try
        {
            var body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (mac.Length != MacLength)
            {
                return false;
            }

            foreach (var key in _keys)
            {
                if (CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body).AsSpan(0, MacLength), mac))
                {
                    payload = body;
                    return true;
                }
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return false;
    }
}
