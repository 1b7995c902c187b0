using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests;

/// <summary>
/// Base of every functional test: an empty database before each test (the bootstrap admin key is re-seeded through
/// the API's own start-up path). The fake clock only moves forward: tests advance it relative to its current value.
/// </summary>
public abstract class FunctionalTestBase
{
    protected static QuoinApiFactory Factory => FunctionalTestSetup.Factory;

    [SetUp]
    public async Task ResetStateAsync()
    {
        await Factory.Database.ResetAsync();
        await Factory.SeedBootstrapKeyAsync();
    }
}
