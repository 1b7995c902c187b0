using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>Small HTTP helpers for contract tests: JSON bodies as nodes, merge patches, conditional headers.</summary>
public static class ContractHttp
{
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
}
