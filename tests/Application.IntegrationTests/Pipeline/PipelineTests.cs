using System.Diagnostics;
using System.Diagnostics.Metrics;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Common.Behaviors;
using QuoinApi.Application.Common.Telemetry;
using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.ApiKeys.GetApiKey;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Pipeline;

/// <summary>The MediatR pipeline as wired by AddApplication: its order (ADR 0004) and its telemetry.</summary>
public sealed class PipelineTests : IntegrationTestBase
{
    [Test]
    public void Behaviors_run_in_the_documented_order()
    {
        var services = new ServiceCollection().AddApplication();

        var registered = services.Where(d => d.ServiceType == typeof(IPipelineBehavior<,>)).Select(d => d.ImplementationType).ToArray();

        // Outermost first. Changing this order changes transactional guarantees: update ADR 0004 with it.
        Assert.That(registered, Is.EqualTo(new[]
        {
            typeof(TelemetryBehavior<,>),
            typeof(ValidationBehavior<,>),
            typeof(UnitOfWorkBehavior<,>),
            typeof(IdempotencyBehavior<,>),
            typeof(AuditBehavior<,>),
        }));
    }

    [Test]
    public async Task The_container_resolves_the_behaviors_of_a_command_in_that_order()
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();

        var behaviors = scope.ServiceProvider.GetServices<IPipelineBehavior<CreateApiKeyCommand, Result<ApiKeyCreatedDto>>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToArray();

        Assert.That(behaviors, Is.EqualTo(DependencyInjection.PipelineOrder));
    }

    [Test]
    public async Task A_query_gets_only_telemetry_and_validation_no_transaction_idempotency_or_audit()
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();

        // The command-only behaviors are constrained to ICommandBase: the container leaves them out of a query's
        // pipeline, so a read rents no write DbContext and opens no transaction.
        var behaviors = scope.ServiceProvider.GetServices<IPipelineBehavior<GetApiKeyQuery, Result<ApiKeyDto>>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToArray();

        Assert.That(behaviors, Is.EqualTo(new[] { typeof(TelemetryBehavior<,>), typeof(ValidationBehavior<,>) }));
    }

    [Test]
    public async Task Each_request_gets_an_activity_and_a_duration_measurement_tagged_by_name_and_outcome_only()
    {
        var tenant = await CreateTenantAsync();
        var activities = new List<Activity>();
        var measurements = new List<(double Value, Dictionary<string, object?> Tags)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == QuoinTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == QuoinTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        meterListener.Start();

        var created = await SendAsync(new CreateApiKeyCommand("TEL-1", [Scopes.AuditRead], null), tenant);
        await SendAsync(new CreateApiKeyCommand(" ", [Scopes.AuditRead], null), tenant);
        await SendAsync(new GetApiKeyQuery(created.Value.Id), tenant);

        var create = activities.Where(a => a.OperationName == nameof(CreateApiKeyCommand)).ToArray();
        Assert.That(create, Has.Length.EqualTo(2));
        Assert.That(create.Select(a => a.GetTagItem("quoinapi.outcome")), Is.EquivalentTo(new[] { "success", "validation" }));
        Assert.That(activities.Select(a => a.OperationName), Does.Contain(nameof(GetApiKeyQuery)));

        var ours = measurements.Where(m => (string?)m.Tags["request"] is nameof(CreateApiKeyCommand) or nameof(GetApiKeyQuery)).ToArray();
        Assert.That(ours, Has.Length.EqualTo(3));
        Assert.That(ours.All(m => m.Tags.Keys.Order().SequenceEqual(["outcome", "request"])), Is.True, "No ids, no other tags.");
        Assert.That(ours.All(m => m.Value > 0), Is.True);
    }
}
