using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuoinApi.Domain.Webhooks;

namespace QuoinApi.Infrastructure.Webhooks;

/// <summary>
/// Standard Webhooks signing: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, keyed with the
/// decoded secret; one signature per secret, space-separated (both secrets during a rotation's grace period).
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string webhookId, long timestamp, string body, IEnumerable<string> secrets)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{webhookId}.{timestamp}.{body}"));
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.Decode(secret), content))));
    }
}
