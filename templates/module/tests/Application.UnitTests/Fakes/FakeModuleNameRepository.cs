using QuoinApi.Application.ModulePlural;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.UnitTests.Fakes;

/// <summary>
/// Answers with what the test arranged, as the real repository would answer the caller: it filters nothing (the
/// tenant and soft-delete filters are tested on PostgreSQL in Application.IntegrationTests).
/// </summary>
public sealed class FakeModuleNameRepository(RecordedWrites writes) : IModuleNameRepository
{
    /// <summary>What <see cref="GetAsync"/> finds: the caller's live ones.</summary>
    public Dictionary<Guid, ModuleName> Live { get; } = [];

    public Task<ModuleName?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(Live.GetValueOrDefault(id));

    public void Add(ModuleName moduleName) => writes.Add(moduleName);

    /// <summary>A live one of the tenant at the version the test names, its creation event cleared.</summary>
    public ModuleName Seed(Guid tenantId, DateTimeOffset now, string name = "First", uint version = 1)
    {
        var moduleName = ModuleName.Create(tenantId, name, now);
        moduleName.ClearDomainEvents();
        typeof(ModuleName).GetProperty(nameof(ModuleName.Version))!.SetValue(moduleName, version);
        Live[moduleName.Id] = moduleName;
        return moduleName;
    }
}
