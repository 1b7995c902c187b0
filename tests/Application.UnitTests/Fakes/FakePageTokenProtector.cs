using System.Buffers.Text;
using System.Security.Cryptography;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Page tokens shaped like the real ones, <c>base64url(payload).mark</c>, where the mark is a fixed marker plus a short
/// digest of the payload: a token this fake did not mint, or whose payload was altered, does not unprotect. Tests mint
/// tokens with arbitrary payloads through <see cref="Protect"/> to reach the pager's checks behind the signature.
/// </summary>
public sealed class FakePageTokenProtector : IPageTokenProtector
{
    public const string Marker = "fake";

    public string Protect(byte[] payload) => Base64Url.EncodeToString(payload) + "." + Mark(payload);

    public bool TryUnprotect(string token, out byte[] payload)
    {
        payload = [];
        var dot = token.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        try
        {
            var body = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            if (!string.Equals(token[(dot + 1)..], Mark(body), StringComparison.Ordinal))
            {
                return false;
            }

            payload = body;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Mark(byte[] payload) => Marker + Convert.ToHexStringLower(SHA256.HashData(payload).AsSpan(0, 4));
}
