using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.Tenants.DeleteTenant;

/// <summary>Tenant deletion on PostgreSQL: the row stays, and the keys to evict are found across the tenant filter.</summary>
public sealed class DeleteTenantHandlerTests : IntegrationTestBase
{
    private RecordingApiKeyCacheInvalidator _cache = null!;

    [SetUp]
    public void CreateCache() => _cache = new RecordingApiKeyCacheInvalidator();

    private Task<Result<Success>> Delete(Guid id) => HandleAsync(new DeleteTenantCommand(id), null, [Scopes.PlatformAdmin], _cache);

    [Test]
    public async Task The_row_stays_soft_deleted()
    {
        var tenant = await TestData.SeedTenantAsync();

        ResultAssert.Succeeded(await Delete(tenant.Id));

        Assert.That(await Database.ScalarAsync<DateTime?>("SELECT deleted_at FROM tenants WHERE id = $1", tenant.Id), Is.Not.Null);
    }

    [Test]
    public async Task Evicts_the_cached_hashes_of_every_live_key_of_the_tenant_only()
    {
        var tenant = await TestData.SeedTenantAsync("Acme");
        var (first, _) = await TestData.SeedApiKeyAsync(tenant.Id);
        var (second, _) = await TestData.SeedApiKeyAsync(tenant.Id, [Scopes.KeysManage]);
        await TestData.SeedApiKeyAsync(tenant.Id, change: k => k.Revoke(TestData.Now));
        var (otherTenantsKey, _) = await TestData.SeedApiKeyAsync((await TestData.SeedTenantAsync("Globex")).Id);

        ResultAssert.Succeeded(await Delete(tenant.Id));

        // The caller is a platform admin: the tenant's keys are found although they belong to another tenant.
        Assert.That(_cache.EvictedHashes, Is.EquivalentTo(new[] { first.SecretHash, second.SecretHash }));
        Assert.That(_cache.EvictedHashes, Does.Not.Contain(otherTenantsKey.SecretHash));
    }

    [Test]
    public async Task Already_deleted_tenant_is_not_found()
    {
        var tenant = await TestData.SeedTenantAsync(deleted: true);

        var result = await Delete(tenant.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
        Assert.That(await Database.ScalarAsync<DateTime?>("SELECT deleted_at FROM tenants WHERE id = $1", tenant.Id), Is.EqualTo(TestData.Now.UtcDateTime));
        Assert.That(_cache.InvalidateCalls, Is.Zero);
    }
}
