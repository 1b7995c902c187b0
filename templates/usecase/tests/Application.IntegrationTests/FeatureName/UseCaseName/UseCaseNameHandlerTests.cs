using QuoinApi.Application.FeatureName.UseCaseName;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.FeatureName.UseCaseName;

/// <summary>On PostgreSQL: the tenant and soft-delete filters decide what the query finds.</summary>
public sealed class UseCaseNameHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private static Task<Result<UseCaseNameResult>> Run(Guid id, Guid tenantId) =>
        HandleAsync(new UseCaseNameQuery(id), tenantId, [Scopes.ReadScopeName]);

    [Test]
    public async Task The_tenant_s_EntityName_is_found()
    {
        var row = await TestData.SeedEntityNameAsync(_tenantId);

        var result = ResultAssert.Succeeded(await Run(row.Id, _tenantId));

        Assert.That(result.Id, Is.EqualTo(row.Id));
    }

    [Test]
    public async Task Another_tenant_s_EntityName_is_not_found()
    {
        var other = (await TestData.SeedTenantAsync("Other")).Id;
        var row = await TestData.SeedEntityNameAsync(other);

        ResultAssert.Failed(await Run(row.Id, _tenantId), ErrorKind.NotFound, "feature_code.not_found");
    }

    [Test]
    public async Task An_unknown_id_is_not_found() =>
        ResultAssert.Failed(await Run(Guid.NewGuid(), _tenantId), ErrorKind.NotFound, "feature_code.not_found");
}
