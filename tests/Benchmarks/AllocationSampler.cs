using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace QuoinApi.Benchmarks;

/// <summary>
/// Where a request's allocations go, by type: the runtime's allocation-tick events (one per ~100 KB allocated, naming
/// the type that crossed the mark) over thousands of requests of <see cref="HttpBenchmarks"/>, divided by the request
/// count. A sample, not an exact count: types that allocate less than a few hundred bytes per request are noise.
/// BenchmarkDotNet's <c>MemoryDiagnoser</c> gives the exact total; this says what it is made of.
/// </summary>
internal static class AllocationSampler
{
    private const int Warmup = 3_000;
    private const int Measured = 5_000;

    public static async Task RunAsync(string request)
    {
        var benchmarks = new HttpBenchmarks();
        await benchmarks.SetUpAsync();
        try
        {
            Func<Task<int>> send = request switch
            {
                "list" => benchmarks.GetListPage,
                "get" => benchmarks.GetProductById,
                "probe" => benchmarks.LiveProbe,
                _ => throw new ArgumentException($"Unknown request '{request}': list, get or probe.", nameof(request)),
            };
            for (var i = 0; i < Warmup; i++)
            {
                await send();
            }

            using var ticks = new AllocationTicks();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < Measured; i++)
            {
                await send();
            }

            var perRequest = (GC.GetTotalAllocatedBytes(precise: true) - before) / Measured;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{request}: {perRequest:N0} bytes per request; sampled by type:"));
            foreach (var (type, bytes) in ticks.BytesByType.OrderByDescending(t => t.Value).Take(40))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / Measured,8:N0}  {type}"));
            }
        }
        finally
        {
            await benchmarks.CleanUpAsync();
        }
    }

    private sealed class AllocationTicks : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        public ConcurrentDictionary<string, long> BytesByType { get; } = new(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData is not { Payload: { } payload, PayloadNames: { } names })
            {
                return;
            }

            var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t]?.ToString() ?? "?" : "?";
            var bytes = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], CultureInfo.InvariantCulture) : 100_000;
            BytesByType.AddOrUpdate(type, bytes, (_, total) => total + bytes);
        }
    }
}
