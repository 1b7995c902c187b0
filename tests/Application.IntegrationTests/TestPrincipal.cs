using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Application.IntegrationTests;

/// <summary>The caller, as the API would set it from the authenticated key or token.</summary>
public sealed class TestPrincipal : ICurrentPrincipal
{
    public bool IsAuthenticated => ActorId is not null;

    public Guid? TenantId { get; set; }

    public string? ActorId { get; set; }

    public IReadOnlySet<string> Scopes { get; set; } = new HashSet<string>();
}
