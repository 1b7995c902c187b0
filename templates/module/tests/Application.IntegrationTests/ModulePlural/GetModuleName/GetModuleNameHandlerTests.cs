using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.ModulePlural;
using QuoinApi.Application.ModulePlural.GetModuleName;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ModulePlural.GetModuleName;

/// <summary>On PostgreSQL: the tenant and soft-delete filters decide what the query finds.</summary>
public sealed class GetModuleNameHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private static Task<Result<ModuleNameDto>> Get(Guid id, Guid? tenantId) => HandleAsync(new GetModuleNameQuery(id), tenantId, [Scopes.ModulePluralRead]);

    [Test]
    public async Task The_tenant_s_live_one_is_returned_with_every_member()
    {
        var moduleName = await ModuleNameRows.SeedAsync(_tenantId, "First");

        var dto = ResultAssert.Succeeded(await Get(moduleName.Id, _tenantId));

        Assert.That(dto, Is.EqualTo(new ModuleNameDto(moduleName.Id, "First", 1, TestData.Now, TestData.Now)));
    }

    [Test]
    public async Task A_soft_deleted_one_is_not_found()
    {
        var moduleName = await ModuleNameRows.SeedAsync(_tenantId, deleted: true);

        ResultAssert.Failed(await Get(moduleName.Id, _tenantId), ErrorKind.NotFound, "module_name.not_found");
    }

    [Test]
    public async Task Another_tenant_s_is_not_found()
    {
        var other = (await TestData.SeedTenantAsync("Globex")).Id;
        var moduleName = await ModuleNameRows.SeedAsync(other);

        ResultAssert.Failed(await Get(moduleName.Id, _tenantId), ErrorKind.NotFound, "module_name.not_found");
    }

    [Test]
    public async Task A_caller_without_a_tenant_finds_none()
    {
        var moduleName = await ModuleNameRows.SeedAsync(_tenantId);

        ResultAssert.Failed(await Get(moduleName.Id, null), ErrorKind.NotFound, "module_name.not_found");
    }
}
