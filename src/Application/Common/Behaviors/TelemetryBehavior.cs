using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Common.Behaviors;

/// <summary>
/// Outermost behavior: one Activity per request, the duration histogram tagged by request name and outcome, a debug
/// log line per request and a warning past the slow-handler threshold.
/// </summary>
public sealed partial class TelemetryBehavior<TRequest, TResponse>(ILogger<TelemetryBehavior<TRequest, TResponse>> logger, IOptions<TelemetryOptions> options)
    : IPipelineBehavior<TRequest, TResponse>
    where TResponse : IResult<TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = QuoinTelemetry.ActivitySource.StartActivity(RequestName);
        activity?.SetTag("quoinapi.request", RequestName);
        var started = Stopwatch.GetTimestamp();
        var outcome = "exception";
        try
        {
            var result = await next();
            outcome = result.IsSuccess ? "success" : Outcome(result.Error!.Kind);
            if (!result.IsSuccess)
            {
                activity?.SetTag("quoinapi.error_code", result.Error!.Code);
            }

            return result;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            activity?.SetTag("quoinapi.outcome", outcome);
            QuoinTelemetry.HandlerDuration.Record(elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("request", RequestName), new KeyValuePair<string, object?>("outcome", outcome));
            if (elapsed.TotalMilliseconds >= options.Value.SlowHandlerThresholdMs)
            {
                LogSlow(logger, RequestName, elapsed.TotalMilliseconds, outcome);
            }
            else
            {
                LogHandled(logger, RequestName, elapsed.TotalMilliseconds, outcome);
            }
        }
    }

    private static string Outcome(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => "validation",
        ErrorKind.NotFound => "not_found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.VersionMismatch => "version_mismatch",
        ErrorKind.IdempotencyKeyReused => "idempotency_key_reused",
        _ => "error",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow handler {Request}: {ElapsedMs:F1} ms ({Outcome})")]
    private static partial void LogSlow(ILogger logger, string request, double elapsedMs, string outcome);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Request} in {ElapsedMs:F1} ms ({Outcome})")]
    private static partial void LogHandled(ILogger logger, string request, double elapsedMs, string outcome);
}
