using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants;
using QuoinApi.Application.Tenants.GetTenant;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.IntegrationTests.Tenants.GetTenant;

public sealed class GetTenantHandlerTests : IntegrationTestBase
{
    private static Task<Result<TenantDto>> Get(Guid id) => HandleAsync(new GetTenantQuery(id), null, [Scopes.PlatformAdmin]);

    [Test]
    public async Task Live_tenant_is_returned()
    {
#if (IncludeRatePlans)
        var tenant = await TestData.SeedTenantAsync("Acme", RatePlan.Enterprise, TestData.Now.AddDays(-1));

        var dto = ResultAssert.Succeeded(await Get(tenant.Id));

        Assert.That(dto, Is.EqualTo(new TenantDto(tenant.Id, "Acme", RatePlan.Enterprise, TestData.Now.AddDays(-1), TestData.Now.AddDays(-1))));
#else
        var tenant = await TestData.SeedTenantAsync("Acme", TestData.Now.AddDays(-1));

        var dto = ResultAssert.Succeeded(await Get(tenant.Id));

        Assert.That(dto, Is.EqualTo(new TenantDto(tenant.Id, "Acme", TestData.Now.AddDays(-1), TestData.Now.AddDays(-1))));
#endif
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await Get(Guid.CreateVersion7());

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }

    [Test]
    public async Task Deleted_tenant_is_not_found()
    {
        var tenant = await TestData.SeedTenantAsync(deleted: true);

        var result = await Get(tenant.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }
}
