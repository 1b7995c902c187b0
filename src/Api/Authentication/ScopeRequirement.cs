using Microsoft.AspNetCore.Authorization;

namespace QuoinApi.Api.Authentication;

/// <summary>One policy per scope; <c>[Authorize(Policy = Scopes.KeysManage)]</c> reads as the contract does.</summary>
internal sealed class ScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}
