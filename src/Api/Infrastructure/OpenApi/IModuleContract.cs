namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// What a module adds to the published contract, beside its controller: the rules of its request bodies and the sort
/// whitelist of its list. <see cref="ContractRules"/> finds every implementation in this assembly (a parameterless
/// class), so a module (<c>dotnet new quoinapi-module</c>) edits no shared file to describe itself.
/// </summary>
internal interface IModuleContract
{
    /// <summary>The controller (its name without "Controller") whose list <see cref="SortFields"/> sorts.</summary>
    string Controller { get; }

    IEnumerable<string> SortFields { get; }

    /// <summary>Request bodies, by the CLR type the generator names the schema after.</summary>
    IReadOnlyDictionary<Type, IReadOnlyDictionary<string, MemberRule>> RequestBodies { get; }
}
