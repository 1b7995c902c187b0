using Microsoft.AspNetCore.Authorization;
using QuoinApi.Domain.Common;

namespace QuoinApi.Api.Authentication;

/// <summary>One policy per scope; <c>[Authorize(Policy = Scopes.ProductsRead)]</c> reads as the contract does.</summary>
internal sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && CurrentPrincipal.ScopesOf(context.User).Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

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
