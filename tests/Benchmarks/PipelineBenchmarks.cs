using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Products;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Products.GetProduct;
using QuoinApi.Application.Products.ReplaceProduct;
using QuoinApi.Domain.Common;

namespace QuoinApi.Benchmarks;

/// <summary>
/// The cost of the MediatR pipeline (telemetry, validation, unit of work, idempotency, audit) for one query and one
/// command, against calling the handler directly. The command's pipeline does real work the direct call skips:
/// a transaction and an audit-chain append, so its difference is mostly database time, not dispatch.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class PipelineBenchmarks
{
    private BenchmarkHost _host = null!;
    private Guid _productId;
    private int _counter;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _host = await BenchmarkHost.StartAsync("quoinapi_pipeline_benchmarks");
        var created = await _host.SendAsync(new CreateProductCommand("BENCH-1", "Widget", "For benchmarks", 12.5m, "EUR", ["bench"]));
        _productId = created.Value.Id;
    }

    [GlobalCleanup]
    public Task CleanUpAsync() => _host.DisposeAsync().AsTask();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Query")]
    public async Task<ProductDto> QueryDirect()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IRequestHandler<GetProductQuery, Result<ProductDto>>>();
        return (await handler.Handle(new GetProductQuery(_productId), CancellationToken.None)).Value;
    }

    [Benchmark]
    [BenchmarkCategory("Query")]
    public async Task<ProductDto> QueryThroughPipeline() => (await _host.SendAsync(new GetProductQuery(_productId))).Value;

    [Benchmark]
    [BenchmarkCategory("Command")]
    public async Task<ProductDto> CommandDirect()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<IRequestHandler<ReplaceProductCommand, Result<ProductDto>>>();
        return (await handler.Handle(NextReplace(), CancellationToken.None)).Value;
    }

    [Benchmark]
    [BenchmarkCategory("Command")]
    public async Task<ProductDto> CommandThroughPipeline() => (await _host.SendAsync(NextReplace())).Value;

    private ReplaceProductCommand NextReplace() =>
        new(_productId, "BENCH-1", "Widget " + Interlocked.Increment(ref _counter), "For benchmarks", 12.5m, "EUR", ["bench"]);
}
