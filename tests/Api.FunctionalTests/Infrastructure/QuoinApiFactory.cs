#if (IncludeJwt)
using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
#endif
using System.Net.Http.Json;
#if (IncludeJwt)
using System.Security.Claims;
using System.Text;
#endif
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
#if (IncludeJwt)
using Microsoft.IdentityModel.Tokens;
#endif
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Testing;

namespace QuoinApi.Api.FunctionalTests.Infrastructure;

/// <summary>
/// The real API in memory, over real PostgreSQL (its own database, Respawn between tests) and real Redis, with a
/// controllable clock. One instance per test run (see <see cref="FunctionalTestSetup"/>).
/// </summary>
public sealed class QuoinApiFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string AdminKey = "functional-tests-admin-key-0123456789abcdef";
#if (IncludeJwt)
    public const string JwtSigningKey = "functional-tests-jwt-signing-key-0123456789abcdef";
    public const string JwtIssuer = "quoinapi-tests";
    public const string JwtAudience = "quoinapi";
#endif
    public const string IdempotencyKey = "functional-tests-idempotency-key-0123456789abcdef";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", database.ConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", TestDatabase.RedisConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Shutdown:ReadinessDelaySeconds", "0");
        builder.UseSetting("Bootstrap:AdminApiKey", AdminKey);
        builder.UseSetting("ApiKeys:Environment", "Test");
#if (IncludeJwt)
        builder.UseSetting("Authentication:Jwt:SigningKey", JwtSigningKey);
        builder.UseSetting("Authentication:Jwt:Issuer", JwtIssuer);
        builder.UseSetting("Authentication:Jwt:Audience", JwtAudience);
#endif
        builder.UseSetting("Idempotency:ResponseEncryptionKey", IdempotencyKey);

#if (IncludeEvents)
        // Webhook receivers are loopback listeners in the tests; retries come after a short schedule the tests pass by
        // moving the fake clock, and idle streams send a heartbeat every second.
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Webhooks:RetrySchedule:0", "00:00:05");
        builder.UseSetting("Webhooks:RetrySchedule:1", "00:00:10");
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.200");
        builder.UseSetting("Events:StreamHeartbeat", "00:00:01");

#endif
#if (IncludeRatePlans)
        // The suite makes many requests per tenant and from one (in-memory) client address: generous plans keep it
        // from meeting the limiter, which stays on. The rate-limit tests configure tight plans on hosts of their own.
        foreach (var plan in new[] { "Free", "Pro", "Enterprise" })
        {
            builder.UseSetting($"RatePlans:{plan}:RequestsPerSecond", "100000");
            builder.UseSetting($"RatePlans:{plan}:Burst", "100000");
            builder.UseSetting($"RatePlans:{plan}:MonthlyQuota", "1000000000");
        }

#else
        // The suite makes many requests from one (in-memory) client address: a generous address budget keeps it from
        // meeting the limiter, which stays on. The address-limit test configures a tight one on a host of its own.
#endif
        builder.UseSetting("RateLimiting:AnonymousRequestsPerSecond", "100000");
        builder.UseSetting("RateLimiting:AnonymousBurst", "100000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Seeds the bootstrap admin key the way start-up does (Respawn empties the table between tests).</summary>
    public async Task SeedBootstrapKeyAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoinDbContext>();
        await DatabaseInitializer.InitializeAsync(db, migrate: false, AdminKey, CancellationToken.None);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public HttpClient CreateAdminClient() => CreateClient(AdminKey);

    /// <summary>Creates a tenant through the API and returns a client holding its owner key (every tenant scope).</summary>
#if (IncludeRatePlans)
    public async Task<TenantClient> CreateTenantAsync(string name = "Acme", string ratePlan = "free")
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/v2/tenants", new { name, ratePlan });
#else
    public async Task<TenantClient> CreateTenantAsync(string name = "Acme")
    {
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/api/v2/tenants", new { name });
#endif
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<CreatedTenant>()
            ?? throw new InvalidOperationException("Empty tenant response.");
        return new TenantClient(created.Id, created.OwnerApiKey.Id, created.OwnerApiKey.Key, CreateClient(created.OwnerApiKey.Key));
    }

#if (IncludeJwt)
    /// <summary>A JWT signed with the test key.</summary>
    public static string CreateJwt(
        Guid? tenantId, string scopes, DateTimeOffset? expires = null, string audience = JwtAudience, DateTimeOffset? notBefore = null) =>
        CreateJwt(tenantId?.ToString(), scopes, expires, audience, notBefore);

    /// <summary>A JWT signed with the test key whose <c>tenant_id</c> claim is exactly <paramref name="tenantClaim"/> (none when null).</summary>
    public static string CreateJwt(
        string? tenantClaim, string scopes, DateTimeOffset? expires = null, string audience = JwtAudience, DateTimeOffset? notBefore = null)
    {
        var claims = new List<Claim> { new("sub", "user-" + Guid.NewGuid().ToString("N")), new("scope", scopes) };
        if (tenantClaim is not null)
        {
            claims.Add(new Claim("tenant_id", tenantClaim));
        }

        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(JwtSigningKey)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(JwtIssuer, audience, claims, notBefore: (notBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1)).UtcDateTime,
            expires: (expires ?? DateTimeOffset.UtcNow.AddMinutes(10)).UtcDateTime, signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>
    /// A JWT valid on both the real clock and <see cref="Clock"/> (which tests move forward), whichever the token
    /// validation reads.
    /// </summary>
    public string CreateValidJwt(Guid? tenantId, string scopes, string audience = JwtAudience) =>
        CreateValidJwt(tenantId?.ToString(), scopes, audience);

    /// <summary>As <see cref="CreateValidJwt(Guid?, string, string)"/>, with the <c>tenant_id</c> claim as raw text.</summary>
    public string CreateValidJwt(string? tenantClaim, string scopes, string audience = JwtAudience)
    {
        var (earliest, latest) = Now();
        return CreateJwt(tenantClaim, scopes, expires: latest.AddMinutes(10), audience, notBefore: earliest.AddMinutes(-1));
    }

    /// <summary>A JWT that expired well beyond the clock skew on both the real clock and <see cref="Clock"/>.</summary>
    public string CreateExpiredJwt(Guid? tenantId, string scopes)
    {
        var (earliest, _) = Now();
        return CreateJwt(tenantId, scopes, expires: earliest.AddMinutes(-10), notBefore: earliest.AddMinutes(-20));
    }

    public HttpClient CreateJwtClient(string token)
    {
        var client = CreateClient(apiKey: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private (DateTimeOffset Earliest, DateTimeOffset Latest) Now()
    {
        var real = DateTimeOffset.UtcNow;
        var fake = Clock.GetUtcNow();
        return real < fake ? (real, fake) : (fake, real);
    }
#endif

    private sealed record CreatedTenant(Guid Id, OwnerKey OwnerApiKey);

    private sealed record OwnerKey(Guid Id, string Key);
}
