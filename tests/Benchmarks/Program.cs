using BenchmarkDotNet.Running;

namespace QuoinApi.Benchmarks;

/// <summary>
/// The entry point: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c> (or build/bench.sh). A named
/// class, not top-level statements: those would declare a second global <c>Program</c> next to the API's, which
/// <see cref="HttpBenchmarks"/> hosts. <c>-- allocations list|get|probe</c> prints what one request allocates, by type
/// (<see cref="AllocationSampler"/>).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (args is ["allocations", var request])
        {
            await AllocationSampler.RunAsync(request);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
