using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Common;
using QuoinApi.Infrastructure;
using QuoinApi.Testing;

namespace QuoinApi.Application.IntegrationTests;

/// <summary>Builds Application + Infrastructure once for the run, against a real PostgreSQL database.</summary>
[SetUpFixture]
public sealed class IntegrationTestSetup
{
    private static TestDatabase? _database;
    private static ServiceProvider? _services;

    public static TestDatabase Database => _database ?? throw new InvalidOperationException("Set-up has not run.");

    public static ServiceProvider Services => _services ?? throw new InvalidOperationException("Set-up has not run.");

    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync("quoinapi_integration_tests");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Postgres"] = _database.ConnectionString,
                ["ApiKeys:Environment"] = "Test",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication().AddInfrastructure(configuration);
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddScoped<TestPrincipal>();
        services.AddScoped<ICurrentPrincipal>(provider => provider.GetRequiredService<TestPrincipal>());

        // Test-only commands that probe the pipeline (Pipeline/AfterCommitTests).
        services.AddScoped<IRequestHandler<Pipeline.AfterCommitTests.CreateTenantWithAfterCommitCommand, Result<Success>>,
            Pipeline.AfterCommitTests.CreateTenantWithAfterCommitHandler>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The caller, as the API would set it from the authenticated key or token.</summary>
public sealed class TestPrincipal : ICurrentPrincipal
{
    public bool IsAuthenticated => ActorId is not null;

    public Guid? TenantId { get; set; }

    public string? ActorId { get; set; }

    public IReadOnlySet<string> Scopes { get; set; } = new HashSet<string>();
}

/// <summary>
/// Sends requests through the real MediatR pipeline, each in its own DI scope (one request = one unit of work), as
/// a given tenant. The database is emptied before every test.
/// </summary>
public abstract class IntegrationTestBase
{
    protected static TestDatabase Database => IntegrationTestSetup.Database;

    protected static FakeTimeProvider Clock => IntegrationTestSetup.Clock;

    [SetUp]
    public Task ResetDatabaseAsync() => Database.ResetAsync();

    protected static Task<Result<T>> SendAsync<T>(IRequest<Result<T>> request, Guid? tenantId = null, params string[] scopes) =>
        SendWithKeyAsync(request, idempotencyKey: null, tenantId, scopes);

    /// <summary>As the API does for a POST or PATCH carrying <c>Idempotency-Key</c>.</summary>
    protected static async Task<Result<T>> SendWithKeyAsync<T>(IRequest<Result<T>> request, string? idempotencyKey, Guid? tenantId = null, params string[] scopes)
    {
        await using var scope = IntegrationTestSetup.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().IdempotencyKey = idempotencyKey;
        var principal = scope.ServiceProvider.GetRequiredService<TestPrincipal>();
        principal.TenantId = tenantId;
        principal.ActorId = "test-actor";
        principal.Scopes = (scopes.Length == 0 ? Domain.Common.Scopes.All : scopes).ToHashSet(StringComparer.Ordinal);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Creates a tenant as a platform administrator would and returns its id.</summary>
    protected static async Task<Guid> CreateTenantAsync(string name = "Acme")
    {
        var created = await SendAsync(new Tenants.CreateTenant.CreateTenantCommand(name));
        Assert.That(created.IsSuccess, Is.True, created.Error?.Message);
        return created.Value.Id;
    }
}
