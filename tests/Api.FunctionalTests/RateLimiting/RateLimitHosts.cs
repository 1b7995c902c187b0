using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>
/// Hosts with tight plans of their own (the suite's host is generous), over the same database and, unless told
/// otherwise, the same Redis: two of them are two instances of the API sharing one budget.
/// </summary>
internal static class RateLimitHosts
{
    public static WebApplicationFactory<Program> Create(
        int requestsPerSecond, int burst, long monthlyQuota, string? redis = null, int proBurst = 100000) =>
        FunctionalTestSetup.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RatePlans:Pro:Burst", proBurst.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RatePlans:Free:RequestsPerSecond", requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RatePlans:Free:Burst", burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RatePlans:Free:MonthlyQuota", monthlyQuota.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (redis is not null)
            {
                builder.UseSetting("ConnectionStrings:Redis", redis);
            }
        });

    public static HttpClient Client(this WebApplicationFactory<Program> host, string apiKey)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>A free-plan tenant created through <paramref name="host"/>; its owner key.</summary>
    public static async Task<(Guid TenantId, Guid KeyId, string Key)> CreateTenantAsync(this WebApplicationFactory<Program> host)
    {
        using var admin = host.Client(QuoinApiFactory.AdminKey);
        var response = await admin.PostAsJsonAsync(TestApi.Tenants, new { name = "Limited", ratePlan = "free" });
        var body = await response.AssertJsonAsync(System.Net.HttpStatusCode.Created);
        var owner = body.GetProperty("ownerApiKey");
        return (body.Id(), owner.Id(), owner.GetProperty("key").GetString()!);
    }

    /// <summary>The <c>RateLimit</c> header's members by policy name: <c>r</c> and <c>t</c>, parsed as RFC 9651 structured fields.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> RateLimit(this HttpResponseMessage response) =>
        Members(response, "RateLimit");

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object>> RateLimitPolicy(this HttpResponseMessage response) =>
        Members(response, "RateLimit-Policy");

    private static Dictionary<string, IReadOnlyDictionary<string, object>> Members(HttpResponseMessage response, string header)
    {
        Assert.That(response.Headers.TryGetValues(header, out var values), Is.True, $"no {header} header");
        var members = StructuredFieldList.Parse(string.Join(", ", values!));
        return members.ToDictionary(m => (string)m.Value, m => m.Parameters);
    }
}
