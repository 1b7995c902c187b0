using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>Webhook calls the tests start with.</summary>
public static class WebhookApi
{
    public const string Webhooks = "/api/v2/webhooks";

    /// <summary>Subscribes <paramref name="url"/> to <paramref name="events"/> (asserting 201); the body holds the secret.</summary>
    public static async Task<JsonElement> CreateWebhookAsync(this HttpClient client, string url, IEnumerable<string> events)
    {
        var response = await client.PostAsJsonAsync(Webhooks, new { url, events });
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>The subscription's deliveries, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(this HttpClient client, Guid webhookId)
    {
        var response = await client.GetAsync($"{Webhooks}/{webhookId}/deliveries");
        return (await response.AssertJsonAsync(HttpStatusCode.OK)).Items();
    }

    /// <summary>Polls the deliveries until one matches (fails after 20 s).</summary>
    public static async Task<JsonElement> WaitForDeliveryAsync(this HttpClient client, Guid webhookId, Func<JsonElement, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = (await client.DeliveriesAsync(webhookId)).Where(match).ToList();
            if (found.Count > 0)
            {
                return found[0];
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "No matching delivery within 20 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Pings the subscription (asserting 202) and returns the id of the delivery the ping made.</summary>
    public static async Task<Guid> PingAndWaitForDeliveryAsync(this HttpClient client, Guid webhookId)
    {
        var ping = await (await client.PostAsync($"{Webhooks}/{webhookId}/ping", null)).AssertJsonAsync(HttpStatusCode.Accepted);
        var eventId = ping.GetProperty("eventId").GetGuid();
        return (await client.WaitForDeliveryAsync(webhookId, d => d.GetProperty("eventId").GetGuid() == eventId)).Id();
    }
}
