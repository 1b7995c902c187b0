using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Benchmarks -- --filter '*'   (or build/bench.sh)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
