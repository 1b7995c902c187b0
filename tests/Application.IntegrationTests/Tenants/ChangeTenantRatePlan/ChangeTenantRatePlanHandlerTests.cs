using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task Deleted_tenant_is_not_found_and_keeps_its_plan()
    {
        var tenant = await TestData.SeedTenantAsync("Acme", RatePlan.Free, deleted: true);

        var result = await HandleAsync(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Pro), null, [Scopes.PlatformAdmin]);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
        Assert.That(await Database.ScalarAsync<string>("SELECT rate_plan FROM tenants WHERE id = $1", tenant.Id), Is.EqualTo("free"));
    }

    [Test]
    public async Task The_tenant_comes_back_with_the_update_time_the_store_stamped()
    {
        var tenant = await TestData.SeedTenantAsync("Acme", RatePlan.Free);
        var now = Clock.GetUtcNow();

        var dto = ResultAssert.Succeeded(await HandleAsync(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Pro), null, [Scopes.PlatformAdmin]));

        Assert.That(dto.UpdatedAt, Is.EqualTo(now));
        Assert.That(dto.CreatedAt, Is.EqualTo(TestData.Now));
    }
}
