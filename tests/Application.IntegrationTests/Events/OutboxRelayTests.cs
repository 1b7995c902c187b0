using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.Webhooks.CreateWebhook;
using QuoinApi.Infrastructure;
using QuoinApi.Infrastructure.Events;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Events;

/// <summary>
/// The relay publishes committed outbox rows in commit order, each once, across instances and across a crash between
/// commit and publication; publishing creates the deliveries of the matching webhook subscriptions. The events are those
/// of API keys, which every solution the template generates has (a tenant's creation also raises its owner key's).
/// </summary>
public sealed class OutboxRelayTests : IntegrationTestBase
{
    private static CreateApiKeyCommand Key(string name) => new(name, [Domain.Common.Scopes.AuditRead], null);

    [Test]
    public async Task Events_are_published_in_commit_order_with_consecutive_positions()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            ResultAssert.Succeeded(await SendAsync(Key($"ORDER-{i}"), tenant));
        }

        await PublishEventsAsync();

        var names = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(data->>'name' ORDER BY position) FROM events WHERE type = 'api_key.created' AND data->>'name' LIKE 'ORDER-%'");
        var positions = await Database.ScalarAsync<long[]>("SELECT array_agg(position ORDER BY position) FROM events");
        Assert.That(names, Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"ORDER-{i}")));
        Assert.That(positions, Is.EqualTo(Enumerable.Range(1, positions!.Length).Select(i => (long)i)));
    }

    [Test]
    public async Task Publishing_creates_a_delivery_for_each_matching_subscription_of_the_events_tenant_only()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        await PublishEventsAsync(); // the owner keys' events, before the subscriptions exist
        var wanted = ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/a", ["api_key.created"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/b", ["api_key.revoked"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/c", ["api_key.created"], null), other));

        ResultAssert.Succeeded(await SendAsync(Key("MATCH-1"), tenant));
        await PublishEventsAsync();

        var deliveries = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(subscription_id::text || ' ' || event_type) FROM webhook_deliveries")!;
        Assert.That(deliveries, Is.EqualTo(new[] { $"{wanted.Id} api_key.created" }));
    }

    [Test]
    public async Task A_publication_wakes_the_delivery_workers_only_when_it_created_deliveries()
    {
        var tenant = await CreateTenantAsync();
        await PublishEventsAsync(); // the owner key's event
        await using var listener = await Database.DataSource.OpenConnectionAsync();
        var heard = new List<string>();
        listener.Notification += (_, notification) => heard.Add(notification.Channel);
        await using (var listen = new Npgsql.NpgsqlCommand("LISTEN \"quoinapi_events\"; LISTEN \"quoinapi_deliveries\"", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        ResultAssert.Succeeded(await SendAsync(Key("NOBODY-ASKED"), tenant));
        await PublishEventsAsync();
        await DrainAsync(listener);
        var withoutSubscription = heard.ToArray();
        heard.Clear();
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/a", ["api_key.created"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(Key("ASKED-FOR"), tenant));
        await PublishEventsAsync();
        await DrainAsync(listener);

        Assert.Multiple(() =>
        {
            Assert.That(withoutSubscription, Is.EqualTo(new[] { "quoinapi_events" }), "the streams, not the delivery workers");
            Assert.That(heard, Is.EquivalentTo(new[] { "quoinapi_events", "quoinapi_deliveries" }));
        });
    }

    [Test]
    public async Task Events_committed_by_a_process_killed_before_publishing_are_published_after_the_restart()
    {
        var tenant = await CreateTenantAsync();
        await PublishEventsAsync();

        // The "crashed" instance commits and dies before its relay runs: nothing woke anyone, nothing was published.
        await using (var crashed = Instance())
        {
            await using var scope = crashed.CreateAsyncScope();
            var principal = scope.ServiceProvider.GetRequiredService<TestPrincipal>();
            principal.TenantId = tenant;
            principal.ActorId = "test-actor";
            principal.Scopes = Domain.Common.Scopes.TenantScopes.ToHashSet(StringComparer.Ordinal);
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            ResultAssert.Succeeded(await mediator.Send(Key("CRASH-1")));
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE position IS NULL"), Is.EqualTo(1));

        // The restarted instance's relay finds it.
        await using var restarted = Instance();
        await PublishEventsAsync(restarted.GetRequiredService<OutboxRelay>());

        Assert.That(await Database.ScalarAsync<string>("SELECT data->>'name' FROM events WHERE type = 'api_key.created' AND position IS NOT NULL ORDER BY position DESC LIMIT 1"),
            Is.EqualTo("CRASH-1"));
    }

    [Test]
    public async Task Two_relays_on_one_database_publish_each_event_once()
    {
        var tenant = await CreateTenantAsync();
        await PublishEventsAsync(); // the owner key's event, before the subscription exists
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/all", ["api_key.created"], null), tenant));
        await using var otherInstance = Instance();
        var relays = new[] { IntegrationTestSetup.Services.GetRequiredService<OutboxRelay>(), otherInstance.GetRequiredService<OutboxRelay>() };
        var contended = await RunSideBySideAsync(
            relays.Select(relay => (Func<Task<int>>)(() => relay.ProcessOneBatchAsync(CancellationToken.None))),
            () => Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendAsync(Key($"TWO-{i}"), tenant))));
        await PublishEventsAsync(relays[1]);

        var events = await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE data->>'name' LIKE 'TWO-%'");
        var distinctPositions = await Database.ScalarAsync<long>("SELECT count(DISTINCT position) FROM events WHERE data->>'name' LIKE 'TWO-%'");
        var duplicates = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT event_id FROM webhook_deliveries GROUP BY event_id HAVING count(*) > 1) d");
        var deliveries = await Database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(events, Is.EqualTo(60));
            Assert.That(distinctPositions, Is.EqualTo(60), "each event has one position");
            Assert.That(deliveries, Is.EqualTo(60), "one delivery per event");
            Assert.That(duplicates, Is.Zero, "no event was published twice");
            Assert.That(contended, Is.GreaterThan(0), "the two relays did run at the same time and one stood back");
        }
    }

    [Test]
    public async Task Events_past_the_retention_are_purged_with_their_deliveries()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/all", ["api_key.created"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(Key("OLD-1"), tenant));
        await PublishEventsAsync();
        await Database.ScalarAsync<int>("UPDATE events SET published_at = published_at - interval '8 days'; SELECT 1");
        ResultAssert.Succeeded(await SendAsync(Key("NEW-1"), tenant));
        await PublishEventsAsync();

        var purged = await ActivatorUtilities.CreateInstance<EventLogPurgeService>(IntegrationTestSetup.Services).PurgeAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(purged, Is.EqualTo(2), "the owner key's and OLD-1's events");
            Assert.That(await Database.ScalarAsync<string[]>("SELECT array_agg(data->>'name') FROM events"), Is.EqualTo(new[] { "NEW-1" }));
            Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries"), Is.EqualTo(1), "NEW-1's; the owner key's went with its event");
        }
    }

    /// <summary>Another API instance on the same database (its own pools, relay and pipeline).</summary>
    private static ServiceProvider Instance()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration);
        services.AddScoped<TestPrincipal>();
        services.AddScoped<Common.Abstractions.ICurrentPrincipal>(provider => provider.GetRequiredService<TestPrincipal>());
        return services.BuildServiceProvider();
    }

    /// <summary>Reads the notifications that have arrived (a committed NOTIFY is delivered before the next round trip answers).</summary>
    private static async Task DrainAsync(Npgsql.NpgsqlConnection listener)
    {
        while (await listener.WaitAsync(TimeSpan.FromMilliseconds(200)))
        {
        }
    }
}
