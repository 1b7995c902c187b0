using QuoinApi.Application.ApiKeys;
using QuoinApi.Application.ApiKeys.GetApiKey;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.GetApiKey;

public sealed class GetApiKeyHandlerTests
{
    private HandlerTestContext _context = null!;
    private GetApiKeyHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new GetApiKeyHandler(_context.ReadDb, _context.Mappings);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);
    }

    [Test]
    public async Task Key_of_the_tenant_is_returned_without_secret_material()
    {
        var expiresAt = HandlerTestContext.Now.AddDays(10);
        var (key, _) = _context.SeedApiKey(_tenantId, [Scopes.ProductsWrite, Scopes.ProductsRead], "Deploy", expiresAt: expiresAt);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new GetApiKeyQuery(key.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(key.Id));
            Assert.That(dto.Name, Is.EqualTo("Deploy"));
            Assert.That(dto.Prefix, Is.EqualTo(key.Prefix));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { Scopes.ProductsRead, Scopes.ProductsWrite }));
            Assert.That(dto.CreatedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(dto.ExpiresAt, Is.EqualTo(expiresAt));
            Assert.That(dto.LastUsedAt, Is.Null);
            Assert.That(dto.ReplacedByKeyId, Is.Null);
            Assert.That(dto.GraceEndsAt, Is.Null);
        }
    }

    [Test]
    public async Task Rotated_key_shows_its_replacement_and_grace_deadline()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);
        var (replacement, _) = key.Rotate(TimeSpan.FromHours(2), ApiKeyEnvironment.Live, HandlerTestContext.Now).Value;

        var dto = ResultAssert.Succeeded(await _handler.Handle(new GetApiKeyQuery(key.Id), CancellationToken.None));

        Assert.That(dto.ReplacedByKeyId, Is.EqualTo(replacement.Id));
        Assert.That(dto.GraceEndsAt, Is.EqualTo(HandlerTestContext.Now.AddHours(2)));
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
        var result = await _handler.Handle(new GetApiKeyQuery(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Revoked_key_is_not_found()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);
        key.Revoke(HandlerTestContext.Now);

        var result = await _handler.Handle(new GetApiKeyQuery(key.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Another_tenants_key_is_not_found()
    {
        var (key, _) = _context.SeedApiKey(_context.SeedTenant("Globex").Id);

        var result = await _handler.Handle(new GetApiKeyQuery(key.Id), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_read_a_platform_key()
    {
        var bootstrap = _context.Store.Seed(ApiKey.Bootstrap(new string('b', ApiKeySecret.BootstrapMinLength)));
        var (platformKey, _) = _context.SeedApiKey(tenantId: null, [Scopes.PlatformAdmin]);
        _context.Principal.TenantId = null;

        ResultAssert.Failed(await _handler.Handle(new GetApiKeyQuery(bootstrap.Id), CancellationToken.None), ErrorKind.NotFound, "api_key.not_found");
        ResultAssert.Failed(await _handler.Handle(new GetApiKeyQuery(platformKey.Id), CancellationToken.None), ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Caller_without_a_tenant_cannot_read_a_tenants_key()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);
        _context.Principal.TenantId = null;

        ResultAssert.Failed(await _handler.Handle(new GetApiKeyQuery(key.Id), CancellationToken.None), ErrorKind.NotFound, "api_key.not_found");
    }
}
