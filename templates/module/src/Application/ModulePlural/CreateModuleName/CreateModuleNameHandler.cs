using Mapster;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural.CreateModuleName;

public sealed class CreateModuleNameHandler(
    IModuleNameRepository modulePlural, ICurrentPrincipal principal, TypeAdapterConfig mappings, TimeProvider clock)
    : ICommandHandler<CreateModuleNameCommand, ModuleNameDto>
{
    // Nothing to read: the command only adds, and its commit writes it (handlers never save).
    public Task<Result<ModuleNameDto>> Handle(CreateModuleNameCommand request, CancellationToken cancellationToken) =>
        Task.FromResult(Create(request));

    private Result<ModuleNameDto> Create(CreateModuleNameCommand request)
    {
        if (principal.TenantId is not { } tenantId)
        {
            return ModuleNameErrors.TenantRequired;
        }

        var moduleName = ModuleName.Create(tenantId, request.Name.Trim(), clock.GetUtcNow());
        modulePlural.Add(moduleName);
        return moduleName.Adapt<ModuleNameDto>(mappings);
    }
}
