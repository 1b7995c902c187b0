using System.Text.Json;

namespace QuoinApi.Application.Common.Paging;

/// <summary>Canonical text of a query's resource, tenant and filters, for binding page tokens to them.</summary>
public static class PageBinding
{
    public static string Of(string resource, Guid? tenantId, params object?[] filters) =>
        JsonSerializer.Serialize<object?[]>([resource, tenantId, .. filters]);
}
