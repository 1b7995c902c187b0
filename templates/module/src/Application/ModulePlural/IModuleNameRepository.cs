using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural;

/// <summary>The write side of items_phrase; Infrastructure's implementation is registered by convention.</summary>
public interface IModuleNameRepository
{
    /// <summary>A live one of the current tenant.</summary>
    Task<ModuleName?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Tracks a new one; the command's commit writes it.</summary>
    void Add(ModuleName moduleName);
}
