using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.GetApiKey;
using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.IntegrationTests.ApiKeys.GetApiKey;

public sealed class GetApiKeyHandlerTests : IntegrationTestBase
{
    private Guid _tenantId;

    [SetUp]
    public async Task SeedTenantAsync() => _tenantId = (await TestData.SeedTenantAsync()).Id;

    private static Task<Result<ApiKeyDto>> Get(Guid id, Guid? tenantId) => HandleAsync(new GetApiKeyQuery(id), tenantId, [Scopes.KeysManage]);

    private Task<Result<ApiKeyDto>> Get(Guid id) => Get(id, _tenantId);

    [Test]
    public async Task Key_of_the_tenant_is_returned_without_secret_material()
    {
        var expiresAt = TestData.Now.AddDays(10);
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId, [Scopes.KeysManage, Scopes.AuditRead], "Deploy", expiresAt: expiresAt);

        var dto = ResultAssert.Succeeded(await Get(key.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(key.Id));
            Assert.That(dto.Name, Is.EqualTo("Deploy"));
            Assert.That(dto.Prefix, Is.EqualTo(key.Prefix));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { Scopes.AuditRead, Scopes.KeysManage }));
            Assert.That(dto.CreatedAt, Is.EqualTo(TestData.Now));
            Assert.That(dto.ExpiresAt, Is.EqualTo(expiresAt));
            Assert.That(dto.LastUsedAt, Is.Null);
            Assert.That(dto.ReplacedByKeyId, Is.Null);
            Assert.That(dto.GraceEndsAt, Is.Null);
        }
    }

    [Test]
    public async Task Rotated_key_shows_its_replacement_and_grace_deadline()
    {
        var (key, _) = TestData.NewApiKey(_tenantId);
        var (replacement, _) = key.Rotate(TimeSpan.FromHours(2), ApiKeyEnvironment.Live, TestData.Now).Value;
        replacement.CreatedAt = replacement.UpdatedAt = TestData.Now;
        await TestData.AddAsync(key, replacement);

        var dto = ResultAssert.Succeeded(await Get(key.Id));

        Assert.That(dto.ReplacedByKeyId, Is.EqualTo(replacement.Id));
        Assert.That(dto.GraceEndsAt, Is.EqualTo(TestData.Now.AddHours(2)));
    }

    [Test]
    public void The_read_model_has_no_member_for_the_secret_or_its_hash()
    {
        var members = typeof(ApiKeyDto).GetProperties().Select(p => p.Name);

        Assert.That(members, Has.None.AnyOf("Key", "Secret", "SecretHash", "Hash"));
    }

    [Test]
    public async Task Unknown_id_is_not_found()
    {
        var result = await Get(Guid.CreateVersion7());

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Revoked_key_is_not_found()
    {
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId, change: k => k.Revoke(TestData.Now));

        var result = await Get(key.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Another_tenants_key_is_not_found()
    {
        var (key, _) = await TestData.SeedApiKeyAsync((await TestData.SeedTenantAsync("Globex")).Id);

        var result = await Get(key.Id);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_read_a_platform_key()
    {
        var bootstrap = ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength));
        await TestData.AddAsync(bootstrap);
        var (platformKey, _) = await TestData.SeedApiKeyAsync(tenantId: null, [Scopes.PlatformAdmin]);

        ResultAssert.Failed(await Get(bootstrap.Id, tenantId: null), ErrorKind.NotFound, "api_key.not_found");
        ResultAssert.Failed(await Get(platformKey.Id, tenantId: null), ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_read_a_tenants_key()
    {
        var (key, _) = await TestData.SeedApiKeyAsync(_tenantId);

        ResultAssert.Failed(await Get(key.Id, tenantId: null), ErrorKind.NotFound, "api_key.not_found");
    }
}
