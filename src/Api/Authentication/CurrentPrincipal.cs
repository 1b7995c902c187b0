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

    private Guid? _tenantId;
    private bool _tenantRead;

    // Read by every query's tenant filter and by the audit: parsed once per authenticated request, not at each read.
    public Guid? TenantId
    {
        get
        {
            if (!_tenantRead)
            {
                if (!IsAuthenticated)
                {
                    return null; // not yet, perhaps: authentication may still run in this request
                }

                _tenantId = Guid.TryParse(User!.FindFirstValue(QuoinClaims.TenantId), out var tenantId) ? tenantId : null;
                _tenantRead = true;
            }

            return _tenantId;
        }
    }

    public string? ActorId => IsAuthenticated ? User!.FindFirstValue(QuoinClaims.Subject) : null;

    public IReadOnlySet<string> Scopes => IsAuthenticated ? _scopes ??= ScopesOf(User!) : NoScopes;

    /// <summary>Whether a <c>scope</c> claim names <paramref name="scope"/>; splits nothing, allocates nothing.</summary>
    internal static bool HasScope(ClaimsPrincipal user, string scope)
    {
        foreach (var claim in user.FindAll(QuoinClaims.Scope))
        {
            foreach (var range in claim.Value.AsSpan().Split(' '))
            {
                if (claim.Value.AsSpan(range).Trim().SequenceEqual(scope))
                {
                    return true;
                }
            }
        }

        return false;
    }

    internal static HashSet<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(QuoinClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);
}
