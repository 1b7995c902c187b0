using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuoinApi.Application.Common.Telemetry;

/// <summary>The Application layer's ActivitySource and Meter; the API registers both with OpenTelemetry by name.</summary>
public static class QuoinTelemetry
{
    public const string Name = "QuoinApi.Application";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Handler duration in seconds, tagged by request name and outcome only (no ids: bounded cardinality).</summary>
    public static readonly Histogram<double> HandlerDuration = Meter.CreateHistogram<double>(
        "quoinapi.handler.duration",
        unit: "s",
        description: "Time spent in a MediatR request, through every behavior inside telemetry.",
        tags: null,

        // Seconds need second-scale buckets; the SDK's default boundaries (0 ... 10000) assume milliseconds.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
}
