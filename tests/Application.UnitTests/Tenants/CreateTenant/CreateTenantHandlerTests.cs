using QuoinApi.Application.Tenants.CreateTenant;
using QuoinApi.Application.UnitTests.Support;
using QuoinApi.Domain.ApiKeys;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.Tenants;

namespace QuoinApi.Application.UnitTests.Tenants.CreateTenant;

public sealed class CreateTenantHandlerTests
{
    private HandlerTestContext _context = null!;
    private CreateTenantHandler _handler = null!;

    [SetUp]
    public void SetUp()
    {
        _context = new HandlerTestContext();
        _handler = new CreateTenantHandler(_context.Tenants, _context.ApiKeys, _context.ApiKeyOptions, _context.Clock);
        _context.Principal.ActAsPlatformAdmin();
    }

    [Test]
    public async Task Creates_the_tenant_and_its_owner_key_in_one_save()
    {
#if (IncludeRatePlans)
        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("  Acme  ", RatePlan.Pro), CancellationToken.None));
#else
        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("  Acme  "), CancellationToken.None));
#endif

        var tenant = _context.Writes.Added<Tenant>().Single();
        var ownerKey = _context.Writes.Added<ApiKey>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Id, Is.EqualTo(tenant.Id));
            Assert.That(response.Name, Is.EqualTo("Acme"), "the name is trimmed");
#if (IncludeRatePlans)
            Assert.That(response.RatePlan, Is.EqualTo(RatePlan.Pro));
            Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantCreated(tenant.Id, RatePlan.Pro, HandlerTestContext.Now)));
#else
            Assert.That(tenant.DomainEvents.Single(), Is.EqualTo(new TenantCreated(tenant.Id, HandlerTestContext.Now)));
#endif
            Assert.That(ownerKey.TenantId, Is.EqualTo(tenant.Id));
            Assert.That(ownerKey.Name, Is.EqualTo(CreateTenantHandler.OwnerKeyName));
            Assert.That(ownerKey.ExpiresAt, Is.Null);
        }
    }

    [Test]
    public async Task Owner_key_holds_every_tenant_scope_and_no_platform_scope()
    {
        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("Acme"), CancellationToken.None));

        Assert.That(response.OwnerApiKey.Scopes, Is.EquivalentTo(Scopes.TenantScopes));
        Assert.That(response.OwnerApiKey.Scopes, Does.Not.Contain(Scopes.PlatformAdmin));
    }

    [Test]
    public async Task Owner_key_secret_is_returned_once_and_only_its_hash_is_stored()
    {
        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("Acme"), CancellationToken.None));

        var ownerKey = _context.Writes.Added<ApiKey>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.OwnerApiKey.Id, Is.EqualTo(ownerKey.Id));
            Assert.That(ApiKeySecret.IsWellFormed(response.OwnerApiKey.Key), Is.True);
            Assert.That(response.OwnerApiKey.Key, Does.StartWith(ApiKeySecret.LivePrefix));
            Assert.That(ownerKey.SecretHash, Is.EqualTo(ApiKeySecret.HashOf(response.OwnerApiKey.Key)));
            Assert.That(ownerKey.Prefix, Is.EqualTo(response.OwnerApiKey.Key[..12]));
        }
    }

#if (IncludeRatePlans)
    [Test]
    public async Task Default_rate_plan_is_free()
    {
        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("Acme"), CancellationToken.None));

        Assert.That(response.RatePlan, Is.EqualTo(RatePlan.Free));
    }
#endif

    [Test]
    public async Task Test_environment_issues_a_test_key()
    {
        _context.ApiKeyOptionsValue.Environment = ApiKeyEnvironment.Test;

        var response = ResultAssert.Succeeded(await _handler.Handle(new CreateTenantCommand("Acme"), CancellationToken.None));

        Assert.That(response.OwnerApiKey.Key, Does.StartWith(ApiKeySecret.TestPrefix));
    }
}
