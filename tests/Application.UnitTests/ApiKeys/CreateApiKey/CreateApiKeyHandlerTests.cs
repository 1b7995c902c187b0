using QuoinApi.Application.ApiKeys.CreateApiKey;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyHandlerTests
{
    private HandlerTestContext _context = null!;
    private CreateApiKeyHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new CreateApiKeyHandler(_context.ApiKeys, _context.Principal, _context.ApiKeyOptions, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage, Scopes.AuditRead);
    }

    [Test]
    public async Task Issues_a_key_for_the_callers_tenant_and_saves_once()
    {
        var expiresAt = HandlerTestContext.Now.AddDays(30);
        var command = new CreateApiKeyCommand(" CI deploy ", [Scopes.KeysManage, Scopes.AuditRead, Scopes.AuditRead], expiresAt);

        var dto = ResultAssert.Succeeded(await _handler.Handle(command, CancellationToken.None));

        var stored = _context.Writes.Added<ApiKey>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(stored.Id));
            Assert.That(stored.TenantId, Is.EqualTo(_tenantId));
            Assert.That(dto.Name, Is.EqualTo("CI deploy"));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { Scopes.AuditRead, Scopes.KeysManage }), "deduplicated and sorted");
            Assert.That(dto.ExpiresAt, Is.EqualTo(expiresAt));
            Assert.That(stored.DomainEvents.Single(), Is.EqualTo(new ApiKeyCreated(stored.Id, _tenantId, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Secret_is_returned_once_and_only_its_hash_and_prefix_are_stored()
    {
        var dto = ResultAssert.Succeeded(await _handler.Handle(new CreateApiKeyCommand("CI", [Scopes.AuditRead], null), CancellationToken.None));

        var stored = _context.Writes.Added<ApiKey>().Single();
        var storedStrings = typeof(ApiKey).GetProperties()
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => (string?)p.GetValue(stored));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ApiKeySecret.IsWellFormed(dto.Key), Is.True);
            Assert.That(dto.Key, Does.StartWith(ApiKeySecret.LivePrefix));
            Assert.That(stored.SecretHash, Is.EqualTo(ApiKeySecret.HashOf(dto.Key)));
            Assert.That(dto.Prefix, Is.EqualTo(dto.Key[..12]));
            Assert.That(stored.Prefix, Is.EqualTo(dto.Prefix));
            Assert.That(storedStrings, Has.None.EqualTo(dto.Key), "no stored field holds the plaintext");
        }
    }

    [Test]
    public async Task Test_environment_issues_a_test_key()
    {
        _context.ApiKeyOptionsValue.Environment = ApiKeyEnvironment.Test;

        var dto = ResultAssert.Succeeded(await _handler.Handle(new CreateApiKeyCommand("CI", [Scopes.AuditRead], null), CancellationToken.None));

        Assert.That(dto.Key, Does.StartWith(ApiKeySecret.TestPrefix));
    }

    [Test]
    public async Task Caller_without_a_tenant_is_forbidden_and_nothing_is_saved()
    {
        _context.Principal.ActAsPlatformAdmin();

        var result = await _handler.Handle(new CreateApiKeyCommand("CI", [Scopes.AuditRead], null), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Forbidden, "api_key.tenant_required");
        Assert.That(_context.Writes.Added<object>(), Is.Empty);
    }

    [Test]
    public async Task Scopes_the_caller_lacks_are_forbidden_and_named()
    {
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);
#if (IncludeEvents)
        var command = new CreateApiKeyCommand("CI", [Scopes.KeysManage, Scopes.AuditRead, Scopes.WebhooksManage], null);
#else
        var command = new CreateApiKeyCommand("CI", [Scopes.KeysManage, Scopes.AuditRead], null);
#endif

        var result = await _handler.Handle(command, CancellationToken.None);

        var error = ResultAssert.Failed(result, ErrorKind.Forbidden, "api_key.scope_escalation");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain(Scopes.AuditRead));
#if (IncludeEvents)
            Assert.That(error.Message, Does.Contain(Scopes.WebhooksManage));
#endif
            Assert.That(error.Message, Does.Not.Contain(Scopes.KeysManage), "a held scope is not reported missing");
            Assert.That(_context.Writes.Added<object>(), Is.Empty);
        }
    }
}
