using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>
/// Routes, request bodies and the few calls most tests start with. Tests speak v2, the current version; the v1 routes
/// and bodies are here for the tests of what v1 does differently (deprecation, representations).
/// </summary>
public static class TestApi
{
    public const string Tenants = "/api/v2/tenants";
    public const string ApiKeys = "/api/v2/api-keys";

    /// <summary>A tenant's read every solution the template generates has (scope audit:read): the tests' plain authenticated request.</summary>
    public const string AuditLog = "/api/v2/audit-log";
#if (IncludeProducts)
    public const string Products = "/api/v2/products";
    public const string ProductsV1 = "/api/v1/products";
#endif

    /// <summary>Every scope a tenant's key can hold: the domain's list, which <c>ScopesTests</c> pins to the contract
    /// (docs/http-contract.md#2-authentication-and-scopes: all but platform:admin).</summary>
    public static IReadOnlyList<string> TenantScopes => Scopes.TenantScopes;

    /// <summary>A body sent exactly as written, as <c>application/json</c>.</summary>
    public static StringContent RawJson(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

#if (IncludeProducts)
    /// <summary>A valid v2 product body (12.50 EUR); tests change one member with <see cref="With"/>.</summary>
    public static Dictionary<string, object?> ProductBody(string sku = "SKU-1") => new()
    {
        ["sku"] = sku,
        ["name"] = "Widget",
        ["description"] = "A useful widget.",
        ["price"] = Money(1250, "EUR"),
        ["tags"] = new[] { "tools", "blue" },
    };

    /// <summary>A v2 price: an integer amount in the currency's minor units.</summary>
    public static Dictionary<string, object?> Money(long? amountMinor, string? currency) => new() { ["amountMinor"] = amountMinor, ["currency"] = currency };

    /// <summary>The same product as a v1 body: the price a decimal in major units beside a top-level currency.</summary>
    public static Dictionary<string, object?> ProductBodyV1(string sku = "SKU-1") => new()
    {
        ["sku"] = sku,
        ["name"] = "Widget",
        ["description"] = "A useful widget.",
        ["price"] = 12.50m,
        ["currency"] = "EUR",
        ["tags"] = new[] { "tools", "blue" },
    };

    /// <summary>A valid v2 product body as JSON text, with one member's value replaced by raw JSON (e.g. a wrong type).</summary>
    public static string RawProductJson(string member, string rawValue)
    {
        var members = new Dictionary<string, string>
        {
            ["sku"] = "\"SKU-1\"",
            ["name"] = "\"Widget\"",
            ["price"] = "{\"amountMinor\":1250,\"currency\":\"EUR\"}",
            ["tags"] = "[]",
        };
        members[member] = rawValue;
        return "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
    }

#endif
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

#if (IncludeProducts)
    /// <summary>Creates a product (asserting 201) and returns its body.</summary>
    public static async Task<JsonElement> CreateProductAsync(this HttpClient client, string sku = "SKU-1")
    {
        var response = await client.PostAsJsonAsync(Products, ProductBody(sku));
        return await response.AssertJsonAsync(HttpStatusCode.Created);
    }

#endif
    /// <summary>Creates an API key with the caller's credentials (asserting 201).</summary>
    public static async Task<CreatedApiKey> CreateApiKeyAsync(
        this HttpClient client, IEnumerable<string> scopes, DateTimeOffset? expiresAt = null, string name = "ci")
    {
        var response = await client.PostAsJsonAsync(ApiKeys, new { name, scopes, expiresAt });
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return new CreatedApiKey(body.Id(), body.String("key"), body);
    }
}
