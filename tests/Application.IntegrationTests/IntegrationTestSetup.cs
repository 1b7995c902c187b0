using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.IntegrationTests.Support;
#if (IncludeProducts)
using QuoinApi.Application.Products;
#endif
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

#if (IncludeProducts)
        // The real text search behind a recorder (Products/ListProducts tests check when it runs).
        var textSearch = services.Single(d => d.ServiceType == typeof(IProductTextSearch));
        services.Remove(textSearch);
        services.AddSingleton(provider => new RecordingProductTextSearch(
            (IProductTextSearch)ActivatorUtilities.CreateInstance(provider, textSearch.ImplementationType!)));
        services.AddSingleton<IProductTextSearch>(provider => provider.GetRequiredService<RecordingProductTextSearch>());

#endif
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
