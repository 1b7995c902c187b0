using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.RotateApiKey;

/// <summary>Rotation on PostgreSQL: only a live key of the caller's tenant; the replacement is stamped by the store.</summary>
public sealed class RotateApiKeyHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;
    private RecordingApiKeyCacheInvalidator _cache = null!;

    [SetUp]
    public async Task SeedTenantAsync()
    {
        _tenantId = (await TestData.SeedTenantAsync()).Id;
        _cache = new RecordingApiKeyCacheInvalidator();
    }

    private Task<Result<ApiKeyCreatedDto>> Rotate(Guid id, Guid? tenantId, params string[] scopes) =>
        HandleAsync(new RotateApiKeyCommand(id, null), tenantId, scopes.Length == 0 ? [.. Scopes.TenantScopes] : scopes, _cache);

    private static Task<Guid?> ReplacedBy(Guid id) => Database.ScalarAsync<Guid?>("SELECT replaced_by_key_id FROM api_keys WHERE id = $1", id);

    private static Task<long> KeyCount() => Database.ScalarAsync<long>("SELECT count(*) FROM api_keys");

    [Test]
    public async Task The_replacement_comes_back_with_the_creation_time_the_store_stamped()
    {
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId, expiresAt: Clock.GetUtcNow().AddDays(90));
        var now = Clock.GetUtcNow();

        var dto = ResultAssert.Succeeded(await Rotate(key.Id, _tenantId));

        Assert.That(dto.CreatedAt, Is.EqualTo(now));
        Assert.That(await ReplacedBy(key.Id), Is.EqualTo(dto.Id));
    }

    [Test]
    public async Task Another_tenants_key_is_not_found()
    {
        var (key, _) = await TestData.SeedApiKeyAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var result = await Rotate(key.Id, _tenantId);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(await ReplacedBy(key.Id), Is.Null);
    }

    [Test]
    public async Task Revoked_key_is_not_found()
    {
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId, change: k => k.Revoke(TestData.Now));

        var result = await Rotate(key.Id, _tenantId);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(await KeyCount(), Is.EqualTo(1), "nothing was saved");
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_rotate_a_platform_key()
    {
        var bootstrap = ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength));
        await TestData.AddAsync(bootstrap);

        var result = await Rotate(bootstrap.Id, tenantId: null, Scopes.PlatformAdmin);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await ReplacedBy(bootstrap.Id), Is.Null);
            Assert.That(await KeyCount(), Is.EqualTo(1), "no replacement was added");
            Assert.That(_cache.InvalidateCalls, Is.Zero);
        }
    }
}
