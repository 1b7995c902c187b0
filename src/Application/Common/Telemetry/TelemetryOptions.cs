namespace QuoinApi.Application.Common.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Handlers slower than this log a warning.</summary>
    public int SlowHandlerThresholdMs { get; set; } = 500;
}
