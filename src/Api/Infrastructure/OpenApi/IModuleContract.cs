namespace QuoinApi.Api.Infrastructure.OpenApi;

/// <summary>
/// What a module adds to the published contract, beside its controller: the rules of its request bodies, the sort
/// whitelist of its list, and its resource's name for the ETag its single resources carry. <see cref="ContractRules"/> finds every implementation in this assembly (a parameterless
/// class), so a module (<c>dotnet new quoinapi-module</c>) edits no shared file to describe itself.
/// </summary>
internal interface IModuleContract
{
    /// <summary>The controller (its name without "Controller") whose list <see cref="SortFields"/> sorts.</summary>
    string Controller { get; }

    IEnumerable<string> SortFields { get; }

    /// <summary>One resource, in words, as the documents describe its ETag: "order".</summary>
    string Resource { get; }

    /// <summary>Request bodies, by the CLR type the generator names the schema after.</summary>
    IReadOnlyDictionary<Type, IReadOnlyDictionary<string, MemberRule>> RequestBodies { get; }
}
