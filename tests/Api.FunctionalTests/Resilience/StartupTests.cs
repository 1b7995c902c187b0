using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Infrastructure.Persistence;
using QuoinApi.Testing;

namespace QuoinApi.Api.FunctionalTests.Resilience;

/// <summary>
/// Start-up: background work waits for the migrations (no error or stack trace on a fresh database), and outside
/// Development the API refuses to start without the key that keeps secret-bearing replays readable across restarts.
/// </summary>
public sealed class StartupTests : FunctionalTestBase
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    [Test]
    public async Task On_a_fresh_database_migrations_run_before_any_background_work_and_nothing_is_logged_as_an_error()
    {
        var connectionString = await CreateEmptyDatabaseAsync("fresh_migrate");
        var logs = new CapturedLogs();
        await using var api = OnDatabase(connectionString, logs, migrateOnStartup: true);
        using var client = api.CreateClient();

        await WaitUntilReadyAsync(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(api.Services.GetRequiredService<DatabaseReadiness>().IsReady, Is.True);
            Assert.That(logs.Entries.Where(e => e.Exception is not null), Is.Empty, "no stack traces");
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Error), Is.Empty, "no errors");
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Warning && e.Category.StartsWith("QuoinApi", StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public async Task Pending_migrations_without_migrate_on_startup_hold_background_work_until_they_are_applied()
    {
        var connectionString = await CreateEmptyDatabaseAsync("fresh_pending");
        var logs = new CapturedLogs();
        await using var api = OnDatabase(connectionString, logs, migrateOnStartup: false);
        using var client = api.CreateClient();
        var readiness = api.Services.GetRequiredService<DatabaseReadiness>();

        var before = await client.GetAsync("/health/ready");
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(readiness.IsReady, Is.False);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            // What `QuoinApi.Api migrate` does.
            await DatabaseInitializer.InitializeAsync(scope.ServiceProvider.GetRequiredService<QuoinDbContext>(), migrate: true, null, CancellationToken.None);
        }

        await readiness.WaitAsync(new CancellationTokenSource(ReadyWithin).Token);
        await WaitUntilReadyAsync(client);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(logs.Entries.Where(e => e.Exception is not null), Is.Empty, "no stack traces");
            // The health-check service reports the failing readiness probe while migrations are pending, as it should.
            Assert.That(logs.Entries.Where(e => e.Level >= LogLevel.Error && !e.Category.Contains("HealthCheck", StringComparison.Ordinal)), Is.Empty, "no errors");
            Assert.That(logs.Entries.Where(e => e.Category.Contains("IdempotencyPurge", StringComparison.Ordinal) && e.Level >= LogLevel.Warning), Is.Empty,
                "the purge never ran against the unmigrated database");
            Assert.That(logs.Entries.Select(e => e.Message), Has.Some.Contains("migrations are pending"));
        }
    }

    [Test]
    public void Outside_development_the_api_refuses_to_start_without_the_response_encryption_key()
    {
        using var production = Factory.WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Idempotency:ResponseEncryptionKey", string.Empty));

        var exception = Assert.Catch(() => production.CreateClient());

        Assert.That(exception!.ToString(), Does.Contain("Idempotency:ResponseEncryptionKey is required outside Development"));
    }

    [Test]
    public async Task In_production_with_the_key_the_api_starts()
    {
        await using var production = Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        using var client = production.CreateClient();

        var response = await client.GetAsync("/health/live");

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_key_creation_is_replayed_by_another_instance_with_the_same_configured_key()
    {
        using var tenant = await Factory.CreateTenantAsync();
        using var first = new HttpRequestMessage(HttpMethod.Post, TestApi.ApiKeys) { Content = JsonContent.Create(new { name = "ci", scopes = new[] { "audit:read" } }) };
        first.Headers.Add("Idempotency-Key", "create-key-1");
        var created = await (await tenant.Http.SendAsync(first)).AssertJsonAsync(HttpStatusCode.Created);

        // A new host: a new process as far as the response encryption is concerned.
        await using var restarted = Factory.WithWebHostBuilder(_ => { });
        using var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", tenant.OwnerKey);
        using var retry = new HttpRequestMessage(HttpMethod.Post, TestApi.ApiKeys) { Content = JsonContent.Create(new { name = "ci", scopes = new[] { "audit:read" } }) };
        retry.Headers.Add("Idempotency-Key", "create-key-1");
        var response = await client.SendAsync(retry);

        var replayed = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.That(response.Header("Idempotent-Replayed"), Is.EqualTo("true"));
        Assert.That(replayed.String("key"), Is.EqualTo(created.String("key")));
    }

    private static WebApplicationFactory<Program> OnDatabase(string connectionString, CapturedLogs logs, bool migrateOnStartup) =>
        Factory.WithWebHostBuilder(builder => builder
            .UseSetting("ConnectionStrings:Postgres", connectionString)
            .UseSetting("Database:MigrateOnStartup", migrateOnStartup ? "true" : "false")
            .ConfigureLogging(logging => logging.AddProvider(logs)));

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        while ((await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the API did not become ready");
            await Task.Delay(200);

            // Readiness is probed at most once a second on the API's clock, which is the tests' fake one.
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>An empty database (no tables) beside the suite's own, dropped first if a previous run left it.</summary>
    private static async Task<string> CreateEmptyDatabaseAsync(string suffix)
    {
        var name = $"{FunctionalTestSetup.DatabaseName}_{suffix}";
        var admin = new NpgsqlConnectionStringBuilder(TestDatabase.BaseConnectionString) { Pooling = false };
        await using (var dataSource = new NpgsqlDataSourceBuilder(admin.ConnectionString) { Name = "quoinapi-tests-admin" }.Build())
        {
            await using var drop = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = dataSource.CreateCommand($"CREATE DATABASE \"{name}\"");
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(TestDatabase.BaseConnectionString) { Database = name }.ConnectionString;
    }
}
