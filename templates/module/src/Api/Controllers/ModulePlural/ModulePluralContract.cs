using QuoinApi.Api.Contracts.V1;
using QuoinApi.Api.Infrastructure.OpenApi;
using QuoinApi.Application.ModulePlural.ListModulePlural;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Api.Controllers.ModulePlural;

/// <summary>
/// The contract of items_phrase, beside the controller: the OpenAPI documents publish these rules, which are the
/// validators' (the conformance test replays generated requests to prove they agree).
/// </summary>
internal sealed class ModulePluralContract : IModuleContract
{
    public string Controller => "ModulePlural";

    public IEnumerable<string> SortFields => ListModulePluralQuery.SortFields.Names;

    public string Resource => "singular_words";

    public IReadOnlyDictionary<Type, IReadOnlyDictionary<string, MemberRule>> RequestBodies { get; } = new Dictionary<Type, IReadOnlyDictionary<string, MemberRule>>
    {
        [typeof(ModuleNameRequest)] = new Dictionary<string, MemberRule>
        {
            ["name"] = new() { Required = true, MinLength = 1, MaxLength = ModuleNameRules.NameMaxLength, Pattern = ContractRules.NotBlank, Example = "First" },
        },
    };
}
