using QuoinApi.Application.ApiKeys.RevokeApiKey;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.ApiKeys.RevokeApiKey;

public sealed class RevokeApiKeyHandlerTests
{
    private HandlerTestContext _context = null!;
    private RevokeApiKeyHandler _handler = null!;
    private Guid _tenantId;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new RevokeApiKeyHandler(_context.ApiKeys, _context.KeyCache, _context.Clock);
        _tenantId = _context.SeedTenant().Id;
        _context.Principal.ActAsTenant(_tenantId, Scopes.KeysManage);
    }

    [Test]
    public async Task Revokes_at_once_saves_once_and_evicts_the_cached_key()
    {
        var (key, _) = _context.SeedApiKey(_tenantId);

        ResultAssert.Succeeded(await _handler.Handle(new RevokeApiKeyCommand(key.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.RevokedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(key.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(key.StateAt(HandlerTestContext.Now), Is.EqualTo(ApiKeyState.Revoked));
            Assert.That(key.DomainEvents.Single(), Is.EqualTo(new ApiKeyRevoked(key.Id, _tenantId, HandlerTestContext.Now)));
            Assert.That(_context.KeyCache.EvictedHashes, Is.EqualTo(new[] { key.SecretHash }));
        }
    }

    [Test]
    public async Task Unknown_key_is_not_found()
    {
        var result = await _handler.Handle(new RevokeApiKeyCommand(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "api_key.not_found");
        Assert.That(_context.KeyCache.InvalidateCalls, Is.Zero);
    }
}
