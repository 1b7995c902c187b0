namespace QuoinApi.Application.Common.Abstractions;

/// <summary>Who is calling: set from the authenticated user by the API, read by handlers and the tenant query filter.</summary>
public interface ICurrentPrincipal
{
    bool IsAuthenticated { get; }

    /// <summary>The caller's tenant; null for platform keys and anonymous callers.</summary>
    Guid? TenantId { get; }

    /// <summary>The API key id or the token subject; what audit fields record.</summary>
    string? ActorId { get; }

    IReadOnlySet<string> Scopes { get; }

    bool HasScope(string scope) => Scopes.Contains(scope);
}
