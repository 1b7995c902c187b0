using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>Routes, request bodies and the few calls most tests start with.</summary>
public static class TestApi
{
    public const string Tenants = "/api/v1/tenants";
    public const string ApiKeys = "/api/v1/api-keys";
    public const string Products = "/api/v1/products";

    /// <summary>Every scope a tenant's key can hold (spec §2: all but platform:admin).</summary>
    public static readonly IReadOnlyList<string> TenantScopes =
        ["products:read", "products:write", "keys:manage", "webhooks:manage", "events:read", "audit:read", "usage:read"];

    /// <summary>A body sent exactly as written, as <c>application/json</c>.</summary>
    public static StringContent RawJson(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    /// <summary>A valid v1 product body; tests change one member with <see cref="With"/>.</summary>
    public static Dictionary<string, object?> ProductBody(string sku = "SKU-1") => new()
    {
        ["sku"] = sku,
        ["name"] = "Widget",
        ["description"] = "A useful widget.",
        ["price"] = 12.50m,
        ["currency"] = "EUR",
        ["tags"] = new[] { "tools", "blue" },
    };

    /// <summary>A valid product body as JSON text, with one member's value replaced by raw JSON (e.g. a wrong type).</summary>
    public static string RawProductJson(string member, string rawValue)
    {
        var members = new Dictionary<string, string>
        {
            ["sku"] = "\"SKU-1\"",
            ["name"] = "\"Widget\"",
            ["price"] = "12.50",
            ["currency"] = "\"EUR\"",
            ["tags"] = "[]",
        };
        members[member] = rawValue;
        return "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
    }

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string member, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [member] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> body, string member)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(member);
        return copy;
    }

    /// <summary>Creates a product (asserting 201) and returns its body.</summary>
    public static async Task<JsonElement> CreateProductAsync(this HttpClient client, string sku = "SKU-1")
    {
        var response = await client.PostAsJsonAsync(Products, ProductBody(sku));
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Creates an API key with the caller's credentials (asserting 201).</summary>
    public static async Task<CreatedApiKey> CreateApiKeyAsync(
        this HttpClient client, IEnumerable<string> scopes, DateTimeOffset? expiresAt = null, string name = "ci")
    {
        var response = await client.PostAsJsonAsync(ApiKeys, new { name, scopes, expiresAt });
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return new CreatedApiKey(body.Id(), body.String("key"), body);
    }
}
