using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyHandlerTests : IntegrationTestBase
{
    [Test]
    public async Task The_key_comes_back_with_the_creation_time_the_store_stamped()
    {
        var tenantId = (await TestData.SeedTenantAsync()).Id;
        var now = Clock.GetUtcNow();

        var dto = ResultAssert.Succeeded(await HandleAsync(
            new CreateApiKeyCommand("CI", [Scopes.AuditRead], null), tenantId, [Scopes.KeysManage, Scopes.AuditRead]));

        Assert.That(dto.CreatedAt, Is.EqualTo(now));
        Assert.That(await Database.ScalarAsync<string>("SELECT created_by FROM api_keys WHERE id = $1", dto.Id), Is.EqualTo("test-actor"));
    }
}
