using System.Net;
using System.Text.RegularExpressions;
using QuoinApi.Api.FunctionalTests.Infrastructure;

namespace QuoinApi.Api.FunctionalTests.Health;

/// <summary>/metrics is public: it names the connection pools and never carries a connection string.</summary>
public sealed partial class MetricsTests : FunctionalTestBase
{
    [Test]
    public async Task Metrics_name_the_connection_pools_and_carry_no_connection_string()
    {
        using var tenant = await Factory.CreateTenantAsync();
        await tenant.Http.CreateApiKeyAsync(["audit:read"]);
        (await tenant.Http.GetAsync(TestApi.ApiKeys)).EnsureSuccessStatusCode();
        using var anonymous = Factory.CreateClient(apiKey: null);

        var response = await anonymous.GetAsync("/metrics");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var poolNames = PoolNameLabel().Matches(text).Select(match => match.Groups["name"].Value).Distinct().ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(poolNames, Does.Contain("postgres"), "the API's primary pool is reported by name");
            Assert.That(poolNames, Is.All.Match("^[a-z0-9-]+$"), "pool names are plain names");
            foreach (var secret in new[] { "Host=", "Username=", "Password", "Database=", "Port=", "Maximum Pool Size", FunctionalTestSetup.DatabaseName })
            {
                Assert.That(text, Does.Not.Contain(secret), $"/metrics leaks '{secret}'");
            }
        }
    }

    [GeneratedRegex("pool_name=\"(?<name>[^\"]*)\"")]
    private static partial Regex PoolNameLabel();
}
