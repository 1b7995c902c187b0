using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>The caller, set by each test: a tenant's key by default, or a platform key with no tenant.</summary>
public sealed class FakePrincipal : ICurrentPrincipal
{
    public bool IsAuthenticated { get; set; } = true;

    public Guid? TenantId { get; set; }

    public string? ActorId { get; set; } = "test-actor";

    public IReadOnlySet<string> Scopes { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    public void ActAsTenant(Guid tenantId, params IEnumerable<string> scopes)
    {
        TenantId = tenantId;
        Scopes = new HashSet<string>(scopes, StringComparer.Ordinal);
    }

    public void ActAsPlatformAdmin()
    {
        TenantId = null;
        Scopes = new HashSet<string>([Domain.Common.Scopes.PlatformAdmin], StringComparer.Ordinal);
    }

    public void ActAsTenantWithAllScopes(Guid tenantId) => ActAsTenant(tenantId, Domain.Common.Scopes.TenantScopes);
}
