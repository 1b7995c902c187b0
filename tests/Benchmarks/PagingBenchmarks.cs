using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using NpgsqlTypes;
using QuoinApi.Application.Common.Paging;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.ListProducts;

namespace QuoinApi.Benchmarks;

/// <summary>
/// Keyset paging cost does not grow with depth: page 1 against page 1000 (rows 19,981-20,000) of 100,000 products,
/// each read through a pageToken, as a client walking the list would.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class PagingBenchmarks
{
    private const int Products = 100_000;
    private const int PageSize = 20;
    private BenchmarkHost _host = null!;
    private string _page2Token = null!;
    private string _page1000Token = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await BenchmarkHost.StartAsync("quoinapi_benchmarks");
        await SeedAsync();
        _page2Token = await TokenForPageAsync(2);
        _page1000Token = await TokenForPageAsync(1000);
    }

    [GlobalCleanup]
    public Task CleanUpAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    public async Task<int> Page1() => (await _host.SendAsync(new ListProductsQuery())).Value.Items.Count;

    [Benchmark]
    public async Task<int> Page2() => (await _host.SendAsync(Query(_page2Token))).Value.Items.Count;

    [Benchmark]
    public async Task<int> Page1000() => (await _host.SendAsync(Query(_page1000Token))).Value.Items.Count;

    private static ListProductsQuery Query(string token) => new(new ListRequest(PageSize, token), ProductFilter.None);

    /// <summary>The token the API would hand out after page <paramref name="page"/> - 1, minted from that row's keys.</summary>
    private async Task<string> TokenForPageAsync(int page)
    {
        var offset = ((page - 1) * PageSize) - 1;
        await using var command = _host.Database.DataSource.CreateCommand(
            "SELECT created_at, id FROM products WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1");
        command.Parameters.Add(new() { Value = _host.TenantId });
        command.Parameters.Add(new() { Value = offset });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var createdAt = reader.GetFieldValue<DateTimeOffset>(0);
        var id = reader.GetGuid(1);

        if (!ProductSorting.Fields.TryParse(null, out var sort))
        {
            throw new InvalidOperationException("The default sort must parse.");
        }

        var fingerprint = KeysetPager.Fingerprint(PageBinding.Of("products", _host.TenantId, ProductFilter.None), sort);
        var pager = _host.Services.GetRequiredService<KeysetPager>();
        var token = pager.TokenAfter(fingerprint, [createdAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), id.ToString("N")]);

        // Sanity: the token must lead to a full page, or the benchmark would measure an error path.
        var check = await _host.SendAsync(Query(token));
        if (!check.IsSuccess || check.Value.Items.Count != PageSize)
        {
            throw new InvalidOperationException($"Token for page {page} did not yield a full page: {check.Error?.Message}");
        }

        return token;
    }

    private async Task SeedAsync()
    {
        await using var connection = await _host.Database.DataSource.OpenConnectionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY products (id, tenant_id, sku, name, description, price, currency, tags, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            var start = DateTimeOffset.UtcNow.AddDays(-30);
            for (var i = 0; i < Products; i++)
            {
                var createdAt = start.AddSeconds(i / 3); // three rows per second: equal sort keys are common
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(_host.TenantId, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"SKU-{i:D6}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Product {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Description of product {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync((i % 10_000) / 100m, NpgsqlDbType.Numeric);
                await writer.WriteAsync("EUR", NpgsqlDbType.Char);
                await writer.WriteAsync(new[] { "tag" + (i % 7) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(createdAt, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE products";
        await analyze.ExecuteNonQueryAsync();
    }
}
