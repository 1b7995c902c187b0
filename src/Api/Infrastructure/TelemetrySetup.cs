using Npgsql;
using QuoinApi.Application.Common.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QuoinApi.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient and Npgsql, exported by OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and metrics scraped at <c>/metrics</c>. Sampling follows the standard
/// <c>OTEL_TRACES_SAMPLER</c> variables.
/// </summary>
internal static class TelemetrySetup
{
    public const string ServiceName = "quoinapi";

    public static IServiceCollection AddQuoinTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(QuoinTelemetry.Name);
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentationIfAvailable()
                    .AddMeter("Npgsql")
                    .AddMeter(QuoinTelemetry.Name)
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime");
}
