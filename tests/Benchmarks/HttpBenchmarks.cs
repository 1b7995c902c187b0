using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using QuoinApi.Testing;

namespace QuoinApi.Benchmarks;

/// <summary>
/// Time and allocated bytes per request through the whole HTTP pipeline: the real API in process
/// (<see cref="WebApplicationFactory{TEntryPoint}"/>, Production settings, OpenTelemetry and Redis on) over PostgreSQL,
/// every request with an API key (served from the key cache after the first). <c>LiveProbe</c> is the floor of the
/// harness: the in-memory client and server, routing and middleware, no authentication and no database.
/// Allocations are counted on every thread (the pipeline continues on thread-pool threads) and include the
/// in-memory client's request and response objects.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class HttpBenchmarks
{
    private const string AdminKey = "http-benchmarks-admin-key-0123456789abcdef";
    private TestDatabase _database = null!;
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private string _productPath = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateAsync("quoinapi_http_benchmarks");
        _factory = new ApiFactory(_database.ConnectionString);

        using var admin = _factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
#if (IncludeRatePlans)
        var tenant = await ReadAsync<CreatedTenant>(await admin.PostAsJsonAsync("/api/v2/tenants", new { name = "Bench", ratePlan = "enterprise" }));
#else
        var tenant = await ReadAsync<CreatedTenant>(await admin.PostAsJsonAsync("/api/v2/tenants", new { name = "Bench" }));
#endif

        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", tenant.OwnerApiKey.Key);
        for (var i = 1; i <= 40; i++)
        {
            var body = new { sku = $"HTTP-{i}", name = $"Product {i}", description = "For benchmarks", price = new { amountMinor = i * 100, currency = "EUR" }, tags = new[] { "bench" } };
            await ReadAsync<CreatedProduct>(await _client.PostAsJsonAsync("/api/v2/products", body));
        }

        var page = await ReadAsync<ProductPage>(await _client.GetAsync("/api/v2/products?pageSize=20"));
        if (page.Items.Length != 20 || page.NextPageToken is null)
        {
            throw new InvalidOperationException("The list page must be full and have a next page, or the benchmark measures something else.");
        }

        _productPath = "/api/v2/products/" + page.Items[10].Id;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();

        // In process, the next benchmark's setup recreates the database (DROP ... WITH (FORCE)) under the same
        // connection string: idle connections left in Npgsql's pools would be dead by then.
        NpgsqlConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true)]
    public Task<int> LiveProbe() => SendAsync("/health/live");

    [Benchmark]
    public Task<int> GetProductById() => SendAsync(_productPath);

    [Benchmark]
    public Task<int> GetListPage() => SendAsync("/api/v2/products?pageSize=20");

    /// <summary>Reads the whole body, as a client would; anything but 200 fails the run instead of measuring an error path.</summary>
    private async Task<int> SendAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? body.Length
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>() ?? throw new InvalidOperationException("Empty response.");
        }
    }

    /// <summary>In process: the API is hosted by the benchmark process itself (no generated project to host it).</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
    }

    /// <summary>The API as users run it (Production, appsettings.json as shipped), over the benchmark database and local Redis.</summary>
    private sealed class ApiFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(ApiContentRoot());
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("ConnectionStrings:Redis", TestDatabase.RedisConnectionString);
            builder.UseSetting("Bootstrap:AdminApiKey", AdminKey);
            builder.UseSetting("Paging:TokenSigningKeys:0", "http-benchmarks-page-token-signing-key-0123456789");
            builder.UseSetting("Idempotency:ResponseEncryptionKey", "http-benchmarks-response-encryption-key-0123456789");
            builder.UseSetting("Shutdown:ReadinessDelaySeconds", "0");
#if (IncludeRatePlans)

            // The limiter runs on every request (its cost is the API's), but the benchmark's tenant never meets it: a
            // 429 would measure the plan, not the request.
            foreach (var plan in new[] { "Free", "Pro", "Enterprise" })
            {
                builder.UseSetting($"RatePlans:{plan}:RequestsPerSecond", "1000000");
                builder.UseSetting($"RatePlans:{plan}:Burst", "1000000");
                builder.UseSetting($"RatePlans:{plan}:MonthlyQuota", "1000000000000");
            }
#endif
        }

        /// <summary>
        /// src/Api, from the manifest the Mvc.Testing package writes next to this assembly. The factory itself looks for
        /// that manifest in the working directory, which is the repository root under build/bench.sh.
        /// </summary>
        private static string ApiContentRoot()
        {
            var manifest = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json"));
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(manifest)
                ?? throw new InvalidOperationException("MvcTestingAppManifest.json is empty.");
            return roots[typeof(Program).Assembly.FullName!];
        }
    }

    private sealed record CreatedTenant(Guid Id, OwnerKey OwnerApiKey);

    private sealed record OwnerKey(string Key);

    private sealed record CreatedProduct(Guid Id);

    private sealed record ProductPage(CreatedProduct[] Items, string? NextPageToken);
}
