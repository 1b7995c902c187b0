using QuoinApi.Domain.Common;

namespace QuoinApi.Domain.UnitTests.Common;

public sealed class ScopesTests
{
    [Test]
    public void All_scopes_are_those_of_the_contract()
    {
        Assert.That(Scopes.All, Is.EquivalentTo(new[]
        {
#if (IncludeProducts)
            "products:read", "products:write",
#endif
            "keys:manage",
#if (IncludeEvents)
            "webhooks:manage", "events:read",
#endif
            "audit:read",
#if (IncludeRatePlans)
            "usage:read",
#endif
            "platform:admin",
        }));
    }

    [Test]
    public void Tenant_scopes_are_all_but_platform_administration()
    {
        Assert.That(Scopes.TenantScopes, Is.EquivalentTo(Scopes.All.Where(s => s != Scopes.PlatformAdmin)));
    }

    [TestCase("audit:read", true)]
    [TestCase("platform:admin", true)]
    [TestCase("Audit:Read", false)]
    [TestCase("audit:write", false)]
    public void IsKnown_matches_exactly(string scope, bool known) => Assert.That(Scopes.IsKnown(scope), Is.EqualTo(known));
}
