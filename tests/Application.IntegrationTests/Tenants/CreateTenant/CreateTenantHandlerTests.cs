using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Domain.Common;
#if (IncludeRatePlans)
using QuoinApi.Domain.Tenants;
#endif

namespace QuoinApi.Application.IntegrationTests.Tenants.CreateTenant;

public sealed class CreateTenantHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task The_tenant_comes_back_with_the_times_the_store_stamped_and_its_key_is_stored()
    {
        var now = Clock.GetUtcNow();

#if (IncludeRatePlans)
        var response = ResultAssert.Succeeded(await HandleAsync(new CreateTenantCommand("Acme", RatePlan.Pro), null, [Scopes.PlatformAdmin]));
#else
        var response = ResultAssert.Succeeded(await HandleAsync(new CreateTenantCommand("Acme"), null, [Scopes.PlatformAdmin]));
#endif

        Assert.That(response.CreatedAt, Is.EqualTo(now));
        Assert.That(response.UpdatedAt, Is.EqualTo(now));
        Assert.That(await Database.ScalarAsync<Guid>("SELECT tenant_id FROM api_keys WHERE id = $1", response.OwnerApiKey.Id), Is.EqualTo(response.Id));
    }
}
