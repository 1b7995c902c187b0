using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Common.Behaviors;

public sealed class TelemetryBehaviorTests
{
    private const string RequestName = nameof(TelemetryProbeQuery);

    private readonly List<Activity> _stopped = [];
    private readonly List<(double Value, KeyValuePair<string, object?>[] Tags)> _durations = [];
    private ActivityListener _activityListener = null!;
    private MeterListener _meterListener = null!;
    private RecordingLogger<TelemetryBehavior<TelemetryProbeQuery, Result<int>>> _logger = null!;

    public sealed record TelemetryProbeQuery(int Value) : IQuery<int>;

    [SetUp]
    public void SetUp()
    {
        _stopped.Clear();
        _durations.Clear();
        _logger = new RecordingLogger<TelemetryBehavior<TelemetryProbeQuery, Result<int>>>();

        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == QuoinTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.OperationName == RequestName)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                // By name: comparing with QuoinTelemetry.HandlerDuration here would run its static initializer, which
                // publishes the instrument to this very callback before the field is set.
                if (instrument.Meter.Name == QuoinTelemetry.Name && instrument.Name == "quoinapi.handler.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var copy = tags.ToArray();
            if (copy.Any(t => t is { Key: "request", Value: RequestName }))
            {
                _durations.Add((value, copy));
            }
        });
        _meterListener.Start();
    }

    [TearDown]
    public void TearDown()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private Task<Result<int>> Run(Func<Task<Result<int>>> next, int slowThresholdMs = 60_000) =>
        new TelemetryBehavior<TelemetryProbeQuery, Result<int>>(_logger, Options.Create(new TelemetryOptions { SlowHandlerThresholdMs = slowThresholdMs }))
            .Handle(new TelemetryProbeQuery(1), CancellationToken.None, () => next());

    private static object? Tag(Activity activity, string name) => activity.GetTagItem(name);

    [Test]
    public async Task A_success_runs_in_one_activity_named_after_the_request_and_is_returned_unchanged()
    {
        Result<int> handled = 42;
        Activity? current = null;

        var result = await Run(() =>
        {
            current = Activity.Current;
            return Task.FromResult(handled);
        });

        var activity = _stopped.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(handled));
            Assert.That(current, Is.SameAs(activity), "the handler runs inside the request's activity");
            Assert.That(activity.Source.Name, Is.EqualTo(QuoinTelemetry.Name));
            Assert.That(activity.IsStopped, Is.True, "the activity ends with the request");
            Assert.That(Tag(activity, "quoinapi.request"), Is.EqualTo(RequestName));
            Assert.That(Tag(activity, "quoinapi.outcome"), Is.EqualTo("success"));
            Assert.That(Tag(activity, "quoinapi.error_code"), Is.Null);
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(Activity.Current, Is.Null, "the caller's current activity is restored");
        }
    }

    [Test]
    public async Task The_duration_is_recorded_once_tagged_with_the_request_and_outcome_only()
    {
        await Run(() => Task.FromResult<Result<int>>(1));

        var (value, tags) = _durations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(value, Is.GreaterThanOrEqualTo(0).And.LessThan(60), "seconds");
            Assert.That(tags, Is.EquivalentTo(new KeyValuePair<string, object?>[] { new("request", RequestName), new("outcome", "success") }));
        }
    }

    [TestCase(ErrorKind.Validation, "validation")]
    [TestCase(ErrorKind.NotFound, "not_found")]
    [TestCase(ErrorKind.Conflict, "conflict")]
    [TestCase(ErrorKind.Forbidden, "forbidden")]
    [TestCase(ErrorKind.VersionMismatch, "version_mismatch")]
    [TestCase(ErrorKind.IdempotencyKeyReused, "idempotency_key_reused")]
    public async Task A_failure_is_tagged_with_its_kind_as_outcome_and_its_code(ErrorKind kind, string outcome)
    {
        Result<int> failure = new Error(kind, "probe.failed", "It failed.");

        var result = await Run(() => Task.FromResult(failure));

        var activity = _stopped.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.SameAs(failure));
            Assert.That(Tag(activity, "quoinapi.outcome"), Is.EqualTo(outcome));
            Assert.That(Tag(activity, "quoinapi.error_code"), Is.EqualTo("probe.failed"));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Unset), "an expected failure is not an error span");
            Assert.That(_durations.Single().Tags, Is.EquivalentTo(new KeyValuePair<string, object?>[] { new("request", RequestName), new("outcome", outcome) }));
        }
    }

    [Test]
    public void An_exception_marks_the_activity_as_an_error_is_measured_and_is_rethrown()
    {
        var thrown = new InvalidOperationException("boom");

        var caught = Assert.ThrowsAsync<InvalidOperationException>(() => Run(() => throw thrown));

        var activity = _stopped.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(caught, Is.SameAs(thrown));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.StatusDescription, Is.EqualTo(nameof(InvalidOperationException)));
            Assert.That(Tag(activity, "quoinapi.outcome"), Is.EqualTo("exception"));
            Assert.That(_durations.Single().Tags, Is.EquivalentTo(new KeyValuePair<string, object?>[] { new("request", RequestName), new("outcome", "exception") }));
            Assert.That(_logger.Entries.Single().Message, Does.EndWith("(exception)"));
        }
    }

    [Test]
    public async Task A_request_under_the_threshold_logs_at_debug_only()
    {
        await Run(() => Task.FromResult<Result<int>>(1), slowThresholdMs: 60_000);

        var entry = _logger.Entries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Debug));
            Assert.That(entry.Message, Does.StartWith($"Handled {RequestName} in ").And.EndWith(" ms (success)"));
        }
    }

    [Test]
    public async Task A_request_past_the_threshold_logs_a_slow_handler_warning_with_its_outcome()
    {
        await Run(async () =>
        {
            await Task.Delay(80);
            return Error.NotFound("probe");
        }, slowThresholdMs: 50);

        var entry = _logger.Entries.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(entry.Message, Does.StartWith($"Slow handler {RequestName}: ").And.EndWith(" ms (not_found)"));
            Assert.That(_durations.Single().Value, Is.GreaterThanOrEqualTo(0.05));
        }
    }

    [Test]
    public async Task The_threshold_is_inclusive()
    {
        await Run(() => Task.FromResult<Result<int>>(1), slowThresholdMs: 0);

        Assert.That(_logger.Entries.Single().Level, Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public async Task The_request_activity_is_a_child_of_the_callers_activity()
    {
        using var parent = new Activity("http-request").Start();

        await Run(() => Task.FromResult<Result<int>>(1));

        var activity = _stopped.Single();
        Assert.That(activity.ParentSpanId, Is.EqualTo(parent.SpanId));
        Assert.That(activity.TraceId, Is.EqualTo(parent.TraceId));
    }
}
