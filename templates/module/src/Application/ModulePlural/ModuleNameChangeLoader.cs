using QuoinApi.Application.Common.Concurrency;
using QuoinApi.Domain.Common;
using QuoinApi.Domain.ModulePlural;

namespace QuoinApi.Application.ModulePlural;

/// <summary>
/// The preamble every command on one <see cref="ModuleName"/> shares: not found when the caller's tenant has no such
/// live one, a version mismatch when the command names another version. Not found wins, so a precondition never
/// reveals what another tenant holds.
/// </summary>
internal static class ModuleNameChangeLoader
{
    public static async Task<Result<ModuleName>> LoadForChangeAsync(
        this IModuleNameRepository modulePlural, IModuleNameChange command, CancellationToken cancellationToken)
    {
        var moduleName = await modulePlural.GetAsync(command.Id, cancellationToken);
        if (moduleName is null)
        {
            return ModuleNameErrors.NotFound;
        }

        return (command.Precondition ?? IfMatch.None).Matches(moduleName.Version) ? moduleName : ModuleNameErrors.VersionMismatch;
    }
}
