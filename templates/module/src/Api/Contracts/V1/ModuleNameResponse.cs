using QuoinApi.Application.ModulePlural;

namespace QuoinApi.Api.Contracts.V1;

/// <summary>How the API shows an_item_phrase (the same in v1 and v2); its version travels in the ETag.</summary>
public sealed record ModuleNameResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ModuleNameResponse From(ModuleNameDto moduleName) =>
        new(moduleName.Id, moduleName.Name, moduleName.CreatedAt, moduleName.UpdatedAt);
}
