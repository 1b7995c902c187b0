using QuoinApi.Application.ApiKeys.RotateApiKey;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.RotateApiKey;

public sealed class RotateApiKeyHandlerTests
{
    private HandlerTestContext _context = null!;
    private RotateApiKeyHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new RotateApiKeyHandler(
            _context.ApiKeys, _context.Principal, _context.KeyCache, _context.ApiKeyOptions, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenantWithAllScopes(_tenantId);
    }

    [Test]
    public async Task Issues_a_replacement_with_the_same_name_scopes_and_expiry_and_saves_once()
    {
        var expiresAt = HandlerTestContext.Now.AddDays(90);
        var (key, oldSecret) = _context.SeedApiKey(_tenantId, [Scopes.AuditRead, Scopes.KeysManage], "Deploy", expiresAt: expiresAt);
        _context.Clock.Advance(TimeSpan.FromMinutes(1));

        var dto = ResultAssert.Succeeded(await _handler.Handle(new RotateApiKeyCommand(key.Id, 3600), CancellationToken.None));

        var replacement = _context.Writes.Added<ApiKey>().Single(k => k.Id == dto.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.Not.EqualTo(key.Id));
            Assert.That(dto.Key, Is.Not.EqualTo(oldSecret.Value));
            Assert.That(ApiKeySecret.IsWellFormed(dto.Key), Is.True);
            Assert.That(replacement.SecretHash, Is.EqualTo(ApiKeySecret.HashOf(dto.Key)));
            Assert.That(replacement.TenantId, Is.EqualTo(_tenantId));
            Assert.That(dto.Name, Is.EqualTo("Deploy"));
            Assert.That(dto.Scopes, Is.EqualTo(new[] { Scopes.AuditRead, Scopes.KeysManage }));
            Assert.That(dto.ExpiresAt, Is.EqualTo(expiresAt));
            Assert.That(key.ReplacedByKeyId, Is.EqualTo(replacement.Id));
            Assert.That(key.GraceEndsAt, Is.EqualTo(HandlerTestContext.Now.AddMinutes(1).AddHours(1)));
            Assert.That(key.StateAt(_context.Clock.GetUtcNow()), Is.EqualTo(ApiKeyState.Active), "the old key works during the grace period");
        }
    }

    [Test]
    public async Task Default_grace_period_is_one_day()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);

        ResultAssert.Succeeded(await _handler.Handle(new RotateApiKeyCommand(key.Id, GracePeriodSeconds: null), CancellationToken.None));

        Assert.That(key.GraceEndsAt, Is.EqualTo(HandlerTestContext.Now.AddDays(1)));
    }

    [Test]
    public async Task Zero_grace_period_retires_the_old_key_at_once()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);

        ResultAssert.Succeeded(await _handler.Handle(new RotateApiKeyCommand(key.Id, 0), CancellationToken.None));

        Assert.That(key.StateAt(HandlerTestContext.Now), Is.EqualTo(ApiKeyState.Expired));
    }

    [Test]
    public async Task Evicts_the_old_keys_cached_entry_after_the_commit()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);

        ResultAssert.Succeeded(await _handler.Handle(new RotateApiKeyCommand(key.Id, null), CancellationToken.None));

        Assert.That(_context.KeyCache.EvictedHashes, Is.EqualTo(new[] { key.SecretHash }));
    }

    [Test]
    public async Task Unknown_key_is_not_found()
    {
        var result = await _handler.Handle(new RotateApiKeyCommand(Guid.CreateVersion7(), null), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
    }

    [Test]
    public async Task Key_with_scopes_the_caller_lacks_is_forbidden_and_not_rotated()
    {
#if (IncludeRatePlans)
        var (key, _) = _context.SeedApiKey(_tenantId, [Scopes.KeysManage, Scopes.AuditRead, Scopes.UsageRead]);
#else
        var (key, _) = _context.SeedApiKey(_tenantId, [Scopes.KeysManage, Scopes.AuditRead]);
#endif
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);

        var result = await _handler.Handle(new RotateApiKeyCommand(key.Id, null), CancellationToken.None);

        var error = ResultAssert.Failed(result, ErrorKind.Forbidden, "api_key.scope_escalation");
        using (Assert.EnterMultipleScope())
        {
#if (IncludeRatePlans)
            Assert.That(error.Message, Does.Contain(Scopes.AuditRead).And.Contain(Scopes.UsageRead));
#else
            Assert.That(error.Message, Does.Contain(Scopes.AuditRead));
#endif
            Assert.That(error.Message, Does.Not.Contain(Scopes.KeysManage));
            Assert.That(key.ReplacedByKeyId, Is.Null);
            Assert.That(_context.KeyCache.InvalidateCalls, Is.Zero);
        }
    }

    [Test]
    public async Task Already_rotated_key_is_a_conflict()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);
        ResultAssert.Succeeded(await _handler.Handle(new RotateApiKeyCommand(key.Id, null), CancellationToken.None));

        var result = await _handler.Handle(new RotateApiKeyCommand(key.Id, null), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Conflict, "api_key.already_rotated");
        Assert.That(_context.Writes.Added<ApiKey>(), Has.Count.EqualTo(1), "one replacement: the second rotation added no key");
    }

    [Test]
    public async Task Expired_key_is_a_conflict()
    {
        var (key, _) = _context.SeedApiKey(_tenantId, expiresAt: HandlerTestContext.Now.AddMinutes(5));
        _context.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _handler.Handle(new RotateApiKeyCommand(key.Id, null), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.Conflict, "api_key.not_active");
    }
}
