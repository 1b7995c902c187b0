using System.Net;
using Microsoft.AspNetCore.Hosting;
using QuoinApi.Api.FunctionalTests.Infrastructure;
using QuoinApi.Domain.ApiKeys;

namespace QuoinApi.Api.FunctionalTests.RateLimiting;

/// <summary>docs/http-contract.md#rate-limits: the per-address budget of unauthenticated requests and credential look-ups.</summary>
public sealed class AddressLimitTests : FunctionalTestBase
{
    [Test]
    public async Task A_flood_of_unknown_keys_from_one_address_is_refused_with_429_before_it_reaches_the_database()
    {
        await using var host = Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimiting:AnonymousRequestsPerSecond", "1");
            builder.UseSetting("RateLimiting:AnonymousBurst", "3");
        });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            using var client = host.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKeySecret.Generate(ApiKeyEnvironment.Test).Value);
            var response = await client.GetAsync(TestApi.AuditLog);
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.Unauthorized), "Each unknown key costs one look-up of the budget of 3.");
        Assert.That(statuses.Skip(4), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(refused, Is.Not.Null);
        var problem = await refused!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("rate_limit.address_exceeded"));
        Assert.That(refused!.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }
}
