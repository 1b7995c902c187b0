using System.Security.Claims;
using QuoinApi.Application.Common.Abstractions;

namespace QuoinApi.Api.Authentication;

/// <summary>Reads the caller from the authenticated user; API keys and JWTs carry the same claims.</summary>
internal sealed class CurrentPrincipal(IHttpContextAccessor accessor) : ICurrentPrincipal
{
    private static readonly IReadOnlySet<string> NoScopes = new HashSet<string>();
    private IReadOnlySet<string>? _scopes;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    public Guid? TenantId =>
        IsAuthenticated && Guid.TryParse(User!.FindFirstValue(QuoinClaims.TenantId), out var tenantId) ? tenantId : null;

    public string? ActorId => IsAuthenticated ? User!.FindFirstValue(QuoinClaims.Subject) : null;

    public IReadOnlySet<string> Scopes => _scopes ??= IsAuthenticated ? ScopesOf(User!) : NoScopes;

    internal static HashSet<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(QuoinClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
}
