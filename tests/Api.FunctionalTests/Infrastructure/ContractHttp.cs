using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>Small HTTP helpers for contract tests: JSON bodies as nodes, merge patches, conditional headers.</summary>
public static class ContractHttp
{
    /// <summary>
    /// Audit entries join the chain shortly after their commit (the background sealer): waits until the caller's tenant
    /// has none pending, as a client that wants a complete chain would, and returns the last verification.
    /// </summary>
    public static async Task<JsonNode> WaitForAuditSealingAsync(this HttpClient client)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var verification = await (await client.GetAsync("/api/v2/audit-log/verify")).JsonAsync();
            if (verification["pending"]!.GetValue<long>() == 0)
            {
                return verification;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "Committed audit entries were not sealed within 15 s.");
            await Task.Delay(20);
        }
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJsonAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        return (response, await response.JsonAsync());
    }

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? json = null, string mediaType = "application/json", string? ifMatch = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> MergePatchAsync(this HttpClient client, string url, string json, string? ifMatch = null) =>
        client.SendAsync(HttpMethod.Patch, url, json, "application/merge-patch+json", ifMatch);
#if (IncludeProducts)

    /// <summary>Creates a v2 product and returns its id and ETag.</summary>
    public static async Task<(Guid Id, string ETag)> CreateProductV2Async(
        this HttpClient client, string sku, string name = "Widget", long amountMinor = 1250, string currency = "EUR", string[]? tags = null, string? description = null)
    {
        var response = await client.PostAsJsonAsync("/api/v2/products",
            new { sku, name, description, price = new { amountMinor, currency }, tags = tags ?? [] });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.JsonAsync();
        return (Guid.Parse(body["id"]!.GetValue<string>()), response.Headers.ETag!.ToString());
    }
#endif
}
