using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.RevokeApiKey;

/// <summary>Revocation on PostgreSQL: only a live key of the caller's tenant; platform keys are out of any tenant's reach.</summary>
public sealed class RevokeApiKeyHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private RecordingApiKeyCacheInvalidator _cache = null!;

    [SetUp]
    public async Task SeedTenantAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        _cache = new RecordingApiKeyCacheInvalidator();
    }

    private Task<Result<Success>> Revoke(Guid id, Guid? tenantId) => HandleAsync(new RevokeApiKeyCommand(id), tenantId, [Scopes.KeysManage], _cache);

    private static Task<DateTime?> RevokedAt(Guid id) => Database.ScalarAsync<DateTime?>("SELECT revoked_at FROM api_keys WHERE id = $1", id);

    [Test]
    public async Task Already_revoked_key_is_not_found()
    {
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId, change: k => k.Revoke(TestData.Now.AddHours(-1)));

        var result = await Revoke(key.Id, _tenantId);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(await RevokedAt(key.Id), Is.EqualTo(TestData.Now.AddHours(-1).UtcDateTime));
        Assert.That(_cache.InvalidateCalls, Is.Zero);
    }

    [Test]
    public async Task Another_tenants_key_is_not_found_and_stays_active()
    {
        var (key, _) = await TestData.SeedApiKeyAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var result = await Revoke(key.Id, _tenantId);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(await RevokedAt(key.Id), Is.Null);
        Assert.That(_cache.InvalidateCalls, Is.Zero);
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_revoke_a_platform_key()
    {
        var bootstrap = ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength));
        await TestData.AddAsync(bootstrap);

        var result = await Revoke(bootstrap.Id, tenantId: null);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(await RevokedAt(bootstrap.Id), Is.Null);
        Assert.That(_cache.InvalidateCalls, Is.Zero);
    }
}
