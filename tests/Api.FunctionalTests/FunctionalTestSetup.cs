using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Testing;

namespace QuoinApi.Api.FunctionalTests;

/// <summary>Creates the database and the API once for the whole run.</summary>
[SetUpFixture]
public sealed class FunctionalTestSetup
{
    private static TestDatabase? _database;
    private static QuoinApiFactory? _factory;

    /// <summary>
    /// <c>quoinapi_functional_tests</c>, or <c>QUOINAPI_FUNCTIONAL_TESTS_DATABASE</c> when set: the set-up drops and recreates
    /// the database, so two checkouts that run this suite at once against one server need different names.
    /// </summary>
    public static string DatabaseName =>
        Environment.GetEnvironmentVariable("QUOINAPI_FUNCTIONAL_TESTS_DATABASE") is { Length: > 0 } name ? name : "quoinapi_functional_tests";

    public static QuoinApiFactory Factory => _factory ?? throw new InvalidOperationException("Set-up has not run.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseName);
        _factory = new QuoinApiFactory(_database);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
