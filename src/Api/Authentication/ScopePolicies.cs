using Microsoft.AspNetCore.Authorization;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Authentication;

internal static class ScopePolicies
{
    public static void AddScopePolicies(this AuthorizationOptions options)
    {
        foreach (var scope in Scopes.All)
        {
            options.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(AuthSchemes.Default)
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(scope)));
        }
    }
}
