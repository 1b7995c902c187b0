using Mapster;
using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.Common.Abstractions;
using QuoinApi.Application.Common.Mapping;
using QuoinApi.Application.Common.Messaging;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural.GetModuleName;

/// <summary>Reads untracked (the tenant and soft-delete filters apply) and projects in SQL.</summary>
public sealed class GetModuleNameHandler(IReadDbContext db, TypeAdapterConfig mappings) : IQueryHandler<GetModuleNameQuery, ModuleNameDto>
{
    public async Task<Result<ModuleNameDto>> Handle(GetModuleNameQuery request, CancellationToken cancellationToken)
    {
        var moduleName = await db.Query<ModuleName>()
            .Where(row => row.Id == request.Id)
            .ProjectToDto<ModuleNameDto>(mappings)
            .FirstOrDefaultAsync(cancellationToken);
        return moduleName is null ? ModuleNameErrors.NotFound : moduleName;
    }
}
