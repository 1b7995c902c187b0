using QuoinApi.Application.Tenants.ChangeTenantRatePlan;
using QuoinApi.Application.UnitTests.Fakes;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.ChangeTenantRatePlan;

public sealed class ChangeTenantRatePlanHandlerTests
{
    private HandlerTestContext _context = null!;
    private ChangeTenantRatePlanHandler _handler = null!;
    private FakeTenantCacheInvalidator _tenantCache = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _tenantCache = new FakeTenantCacheInvalidator();
        _handler = new ChangeTenantRatePlanHandler(
            _context.Tenants, _context.ApiKeys, _context.KeyCache, _tenantCache, _context.Mappings, _context.Clock);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Changes_the_plan_saves_once_and_returns_the_tenant()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Free);
        _context.Clock.Advance(TimeSpan.FromHours(1));

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Enterprise), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dto.Id, Is.EqualTo(tenant.Id));
            Assert.That(dto.Name, Is.EqualTo("Acme"));
            Assert.That(dto.RatePlan, Is.EqualTo(RatePlan.Enterprise));
            Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(
                new TenantRatePlanChanged(tenant.Id, RatePlan.Free, RatePlan.Enterprise, HandlerTestContext.Now.AddHours(1))));
        }
    }

    [Test]
    public async Task Same_plan_succeeds_without_an_event()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Pro);

        var dto = ResultAssert.Succeeded(await _handler.Handle(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Pro), CancellationToken.None));

        Assert.That(dto.RatePlan, Is.EqualTo(RatePlan.Pro));
        Assert.That(tenant.DomainEvents, Is.Empty);
        Assert.That(_context.KeyCache.InvalidateCalls, Is.Zero, "Nothing cached carries a stale plan.");
        Assert.That(_tenantCache.Evicted, Is.Empty);
    }

    [Test]
    public async Task A_new_plan_evicts_the_tenants_cached_keys_and_token_entry_so_every_instance_limits_on_it()
    {
        var tenant = _context.SeedTenant("Acme", RatePlan.Free);
        var (first, _) = _context.SeedApiKey(tenant.Id);
        var (second, _) = _context.SeedApiKey(tenant.Id);
        var (otherTenantsKey, _) = _context.SeedApiKey(_context.SeedTenant("Globex").Id);

        ResultAssert.Succeeded(await _handler.Handle(new ChangeTenantRatePlanCommand(tenant.Id, RatePlan.Pro), CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_context.KeyCache.EvictedHashes, Is.EquivalentTo(new[] { first.SecretHash, second.SecretHash }));
            Assert.That(_context.KeyCache.EvictedHashes, Does.Not.Contain(otherTenantsKey.SecretHash));
            Assert.That(_tenantCache.Evicted, Is.EqualTo(new[] { tenant.Id }));
        }
    }

    [Test]
    public async Task Unknown_tenant_is_not_found_and_nothing_is_saved()
    {
        var result = await _handler.Handle(new ChangeTenantRatePlanCommand(Guid.CreateVersion7(), RatePlan.Pro), CancellationToken.None);

        ResultAssert.Failed(result, ErrorKind.NotFound, "tenant.not_found");
    }
}
