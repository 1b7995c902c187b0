using QuoinApi.Domain.Common;

namespace QuoinApi.Application.ModulePlural;

internal static class ModuleNameErrors
{
    public static readonly Error NotFound = Error.NotFound("module_name");

    public static readonly Error VersionMismatch = Error.VersionMismatch("module_name");

    public static readonly Error TenantRequired =
        Error.Forbidden("module_name.tenant_required", "Only a tenant's credentials can reach its items_phrase.");
}
