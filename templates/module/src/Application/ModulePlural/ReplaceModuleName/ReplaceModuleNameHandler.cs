using Mapster;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ModulePlural.ReplaceModuleName;

/// <summary>Full replacement (PUT); the commit writes it, and refuses it if another write moved the version since the read.</summary>
public sealed class ReplaceModuleNameHandler(IModuleNameRepository modulePlural, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<ReplaceModuleNameCommand, ModuleNameDto>
{
    public async Task<Result<ModuleNameDto>> Handle(ReplaceModuleNameCommand request, CancellationToken cancellationToken)
    {
        var loaded = await modulePlural.LoadForChangeAsync(request, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var moduleName = loaded.Value;
        moduleName.Replace(request.Name.Trim(), clock.GetUtcNow());
        return moduleName.Adapt<ModuleNameDto>(mappings);
    }
}
