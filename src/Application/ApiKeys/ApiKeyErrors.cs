using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ApiKeys;

internal static class ApiKeyErrors
{
    public static readonly Error TenantRequired =
        Error.Forbidden("api_key.tenant_required", "Only a tenant's credentials can manage that tenant's keys.");

    public static Error ScopeEscalation(IEnumerable<string> missingScopes) =>
        Error.Forbidden("api_key.scope_escalation", $"A key cannot grant scopes its creator lacks: {string.Join(", ", missingScopes)}.");
}
