using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Tenants.DeleteTenant;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.DeleteTenant;

public sealed class DeleteTenantHandlerTests
{
    private HandlerTestContext _context = null!;
    private DeleteTenantHandler _handler = null!;
    private RecordingTenantCache _tenantCache = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _tenantCache = new RecordingTenantCache();
        _handler = new DeleteTenantHandler(_context.Tenants, _context.ApiKeys, _context.KeyCache, _tenantCache, _context.Clock);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Soft_deletes_the_tenant_and_saves_once()
    {
        var tenant = _context.SeedTenant();

        ResultAssert.Succeeded(await _handler.Handle(new DeleteTenantCommand(tenant.Id), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tenant.DeletedAt, Is.EqualTo(HandlerTestContext.Now));
            Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantDeleted(tenant.Id, HandlerTestContext.Now)));
        }
    }

    [Test]
    public async Task Evicts_the_cached_hashes_the_repository_lists_for_the_tenant()
    {
        var tenant = _context.SeedTenant("Acme");
        var (first, _) = _context.SeedApiKey(tenant.Id);
        var (second, _) = _context.SeedApiKey(tenant.Id, [Scopes.KeysManage]);
        var (otherTenantsKey, _) = _context.SeedApiKey(_context.SeedTenant("Globex").Id);

        ResultAssert.Succeeded(await _handler.Handle(new DeleteTenantCommand(tenant.Id), CancellationToken.None));

        Assert.That(_context.KeyCache.EvictedHashes, Is.EquivalentTo(new[] { first.SecretHash, second.SecretHash }));
        Assert.That(_context.KeyCache.EvictedHashes, Does.Not.Contain(otherTenantsKey.SecretHash));
    }

    [Test]
    public async Task Evicts_the_cached_tenant_so_its_tokens_stop_working()
    {
        var tenant = _context.SeedTenant();

        ResultAssert.Succeeded(await _handler.Handle(new DeleteTenantCommand(tenant.Id), CancellationToken.None));

        Assert.That(_tenantCache.Evicted, Is.EqualTo(new[] { tenant.Id }));
    }

    [Test]
    public async Task Tenant_without_keys_evicts_nothing()
    {
        var tenant = _context.SeedTenant();

        ResultAssert.Succeeded(await _handler.Handle(new DeleteTenantCommand(tenant.Id), CancellationToken.None));

        Assert.That(_context.KeyCache.EvictedHashes, Is.Empty);
    }

    [Test]
    public async Task Unknown_tenant_is_not_found_and_nothing_is_saved_or_evicted()
    {
        var result = await _handler.Handle(new DeleteTenantCommand(Guid.CreateVersion7()), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
        Assert.That(_context.KeyCache.InvalidateCalls, Is.Zero);
        Assert.That(_tenantCache.Evicted, Is.Empty);
    }

    private sealed class RecordingTenantCache : ITenantCacheInvalidator
    {
        public List<Guid> Evicted { get; } = [];

        public Task InvalidateAsync(Guid tenantId, CancellationToken cancellationToken)
        {
            Evicted.Add(tenantId);
            return Task.CompletedTask;
        }
    }
}
