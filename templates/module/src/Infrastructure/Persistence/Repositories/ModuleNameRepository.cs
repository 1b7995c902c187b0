using Microsoft.EntityFrameworkCore;
using QuoinApi.Application.ModulePlural;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Infrastructure.Persistence.Repositories;

/// <summary>Registered by convention (every repository of this folder); the query filters scope it to the caller's tenant.</summary>
internal sealed class ModuleNameRepository(QuoinDbContext db) : IModuleNameRepository
{
    public Task<ModuleName?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<ModuleName>().FirstOrDefaultAsync(row => row.Id == id, cancellationToken);

    public void Add(ModuleName moduleName) => db.Set<ModuleName>().Add(moduleName);
}
