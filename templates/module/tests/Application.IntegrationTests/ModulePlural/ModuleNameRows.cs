using QuoinApi.Application.IntegrationTests.Support;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.IntegrationTests.ModulePlural;

/// <summary>Rows written straight to the test database (TestData.AddAsync), created at the time each test names.</summary>
internal static class ModuleNameRows
{
    public static async Task<ModuleName> SeedAsync(Guid tenantId, string name = "First", DateTimeOffset? createdAt = null, bool deleted = false)
    {
        var moduleName = ModuleName.Create(tenantId, name, createdAt ?? TestData.Now);
        if (deleted)
        {
            moduleName.Delete(createdAt ?? TestData.Now);
        }

        await TestData.AddAsync(moduleName);
        return moduleName;
    }
}
