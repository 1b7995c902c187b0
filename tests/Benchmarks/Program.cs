using BenchmarkDotNet.Running;

namespace QuoinApi.Benchmarks;

/// <summary>
/// The entry point: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c> (or build/bench.sh). A named
/// class, not top-level statements: those would declare a second global <c>Program</c> next to the API's, which
/// <see cref="HttpBenchmarks"/> hosts.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
