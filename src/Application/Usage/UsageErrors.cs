using QuoinApi.Domain.Common;

namespace QuoinApi.Application.Usage;

internal static class UsageErrors
{
    public static readonly Error TenantRequired =
        Error.Forbidden("usage.tenant_required", "Usage is counted per tenant; use a tenant's credentials.");
}
