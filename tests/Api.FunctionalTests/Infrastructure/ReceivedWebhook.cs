using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>One request a <see cref="WebhookReceiver"/> got, and the status it answered.</summary>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredStatus)
{
    public string WebhookId => Headers["webhook-id"];

    public JsonNode Envelope => JsonNode.Parse(Body)!;

    public string Type => Envelope["type"]!.GetValue<string>();

    public IReadOnlyList<string> Signatures => Headers["webhook-signature"].Split(' ');

    /// <summary>Verifies as a Standard Webhooks receiver does: some <c>v1</c> signature is the HMAC of id.timestamp.body under the secret.</summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{WebhookId}.{Headers["webhook-timestamp"]}.{Body}")));
        return Signatures.Any(signature => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)));
    }
}
