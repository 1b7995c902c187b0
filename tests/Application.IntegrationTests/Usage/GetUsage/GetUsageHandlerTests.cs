using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Usage;
using QuoinApi.Application.Usage.GetUsage;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Usage.GetUsage;

public sealed class GetUsageHandlerTests : IntegrationTestBase
{
    private static Task<Result<UsageDto>> Get(Guid? tenantId) => HandleAsync(new GetUsageQuery(), tenantId, [Scopes.UsageRead]);

    [Test]
    public async Task Sums_the_tenants_keys_and_tokens_of_the_current_month_against_its_plans_quota()
    {
        var tenant = await TestData.SeedTenantAsync(ratePlan: RatePlan.Pro);
        var other = await TestData.SeedTenantAsync("Globex");
        var period = UsagePeriod.Containing(Clock.GetUtcNow());
        var firstDay = period.FirstDay;
        await TestData.AddAsync(
            new ApiKeyDailyUsage(tenant.Id, Guid.CreateVersion7(), firstDay, 100, 3),
            new ApiKeyDailyUsage(tenant.Id, Guid.CreateVersion7(), period.EndDay.AddDays(-1), 20, 0),
            new ApiKeyDailyUsage(tenant.Id, ApiKeyDailyUsage.TokenTraffic, firstDay, 5, 1),
            new ApiKeyDailyUsage(tenant.Id, Guid.CreateVersion7(), firstDay.AddDays(-1), 1000, 1000),
            new ApiKeyDailyUsage(other.Id, Guid.CreateVersion7(), firstDay, 7000, 7));

        var usage = ResultAssert.Succeeded(await Get(tenant.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(usage.PeriodStart, Is.EqualTo(period.Start));
            Assert.That(usage.PeriodEnd, Is.EqualTo(period.End));
            Assert.That(usage.Requests, Is.EqualTo(125), "Last month and the other tenant are not counted.");
            Assert.That(usage.Throttled, Is.EqualTo(4));
            Assert.That(usage.Quota, Is.EqualTo(1_000_000), "The pro plan's configured quota.");
            Assert.That(usage.Remaining, Is.EqualTo(1_000_000 - 125));
        }
    }

    [Test]
    public async Task A_tenant_without_traffic_has_its_whole_quota()
    {
        var tenant = await TestData.SeedTenantAsync();

        var usage = ResultAssert.Succeeded(await Get(tenant.Id));

        Assert.That((usage.Requests, usage.Throttled, usage.Quota, usage.Remaining), Is.EqualTo((0L, 0L, 10_000L, 10_000L)));
    }

    [Test]
    public async Task A_caller_without_a_tenant_is_refused() =>
        ResultAssert.Failed(await Get(null), ErrorKind.Forbidden, "usage.tenant_required");
}
