using Microsoft.Extensions.Options;
using QuoinApi.Application.RatePlans;
using QuoinApi.Application.RatePlans.ListRatePlans;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.RatePlans.ListRatePlans;

public sealed class ListRatePlansHandlerTests
{
    [Test]
    public async Task Lists_every_plan_with_its_configured_limits_free_first()
    {
        var options = new RatePlanOptions { Pro = new RatePlanLimits { RequestsPerSecond = 7, Burst = 9, MonthlyQuota = 11 } };

        var plans = ResultAssert.Succeeded(await new ListRatePlansHandler(Options.Create(options)).Handle(new ListRatePlansQuery(), CancellationToken.None));

        Assert.That(plans, Is.EqualTo(new[]
        {
            new RatePlanDto(RatePlan.Free, 10, 20, 10_000),
            new RatePlanDto(RatePlan.Pro, 7, 9, 11),
            new RatePlanDto(RatePlan.Enterprise, 1_000, 2_000, 100_000_000),
        }));
    }

    [Test]
    public void A_plan_without_a_positive_rate_burst_or_quota_is_invalid_configuration()
    {
        Assert.That(new RatePlanOptions().IsValid(), Is.True);
        Assert.That(new RatePlanOptions { Free = new RatePlanLimits { RequestsPerSecond = 0, Burst = 1, MonthlyQuota = 1 } }.IsValid(), Is.False);
    }
}
