using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QuoinApi.Application.Products.CreateProduct;
using QuoinApi.Application.Webhooks.CreateWebhook;
using QuoinApi.Infrastructure;
using QuoinApi.Infrastructure.Events;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests.Events;

/// <summary>
/// The relay publishes committed outbox rows in commit order, each once, across instances and across a crash between
/// commit and publication; publishing creates the deliveries of the matching webhook subscriptions.
/// </summary>
public sealed class OutboxRelayTests : IntegrationTestBase
{
    private static CreateProductCommand Product(string sku) => new(sku, "Widget", null, 1m, "EUR", []);

    [Test]
    public async Task Events_are_published_in_commit_order_with_consecutive_positions()
    {
        var tenant = await CreateTenantAsync();
        for (var i = 0; i < 5; i++)
        {
            ResultAssert.Succeeded(await SendAsync(Product($"ORDER-{i}"), tenant));
        }

        await PublishEventsAsync();

        var skus = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(data->>'sku' ORDER BY position) FROM events WHERE type = 'product.created'");
        var positions = await Database.ScalarAsync<long[]>("SELECT array_agg(position ORDER BY position) FROM events");
        Assert.That(skus, Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"ORDER-{i}")));
        Assert.That(positions, Is.EqualTo(Enumerable.Range(1, positions!.Length).Select(i => (long)i)));
    }

    [Test]
    public async Task Publishing_creates_a_delivery_for_each_matching_subscription_of_the_events_tenant_only()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync("Other");
        var wanted = ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/a", ["product.created"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/b", ["product.deleted"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/c", ["product.created"], null), other));

        ResultAssert.Succeeded(await SendAsync(Product("MATCH-1"), tenant));
        await PublishEventsAsync();

        var deliveries = await Database.ScalarAsync<string[]>(
            "SELECT array_agg(subscription_id::text || ' ' || event_type) FROM webhook_deliveries")!;
        Assert.That(deliveries, Is.EqualTo(new[] { $"{wanted.Id} product.created" }));
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
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            ResultAssert.Succeeded(await mediator.Send(Product("CRASH-1")));
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE position IS NULL"), Is.EqualTo(1));

        // The restarted instance's relay finds it.
        await using var restarted = Instance();
        await PublishEventsAsync(restarted.GetRequiredService<OutboxRelay>());

        Assert.That(await Database.ScalarAsync<string>("SELECT data->>'sku' FROM events WHERE type = 'product.created' AND position IS NOT NULL"),
            Is.EqualTo("CRASH-1"));
    }

    [Test]
    public async Task Two_relays_on_one_database_publish_each_event_once()
    {
        var tenant = await CreateTenantAsync();
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/all", ["product.created"], null), tenant));
        await using var otherInstance = Instance();
        var relays = new[] { IntegrationTestSetup.Services.GetRequiredService<OutboxRelay>(), otherInstance.GetRequiredService<OutboxRelay>() };
        var contended = await RunSideBySideAsync(
            relays.Select(relay => (Func<Task<int>>)(() => relay.ProcessOneBatchAsync(CancellationToken.None))),
            () => Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendAsync(Product($"TWO-{i}"), tenant))));
        await PublishEventsAsync(relays[1]);

        var events = await Database.ScalarAsync<long>("SELECT count(*) FROM events WHERE type = 'product.created'");
        var distinctPositions = await Database.ScalarAsync<long>("SELECT count(DISTINCT position) FROM events WHERE type = 'product.created'");
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
        ResultAssert.Succeeded(await SendAsync(new CreateWebhookCommand("https://1.1.1.1/all", ["product.created"], null), tenant));
        ResultAssert.Succeeded(await SendAsync(Product("OLD-1"), tenant));
        await PublishEventsAsync();
        await Database.ScalarAsync<int>("UPDATE events SET published_at = published_at - interval '8 days'; SELECT 1");
        ResultAssert.Succeeded(await SendAsync(Product("NEW-1"), tenant));
        await PublishEventsAsync();

        var purged = await ActivatorUtilities.CreateInstance<EventLogPurgeService>(IntegrationTestSetup.Services).PurgeAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(purged, Is.EqualTo(2), "the owner key's and OLD-1's events");
            Assert.That(await Database.ScalarAsync<string[]>("SELECT array_agg(data->>'sku') FROM events"), Is.EqualTo(new[] { "NEW-1" }));
            Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries"), Is.EqualTo(1));
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
}
