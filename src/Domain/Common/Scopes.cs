namespace QuoinApi.Domain.Common;

/// <summary>The permission scopes a credential can hold; the API publishes them to clients as they are.</summary>
public static class Scopes
{
    public const string ProductsRead = "products:read";
    public const string ProductsWrite = "products:write";
    public const string KeysManage = "keys:manage";
    public const string WebhooksManage = "webhooks:manage";
    public const string EventsRead = "events:read";
    public const string AuditRead = "audit:read";
    public const string UsageRead = "usage:read";
    public const string PlatformAdmin = "platform:admin";

    /// <summary>Every scope a tenant's key can hold: all but platform administration.</summary>
    public static readonly IReadOnlyList<string> TenantScopes =
        [ProductsRead, ProductsWrite, KeysManage, WebhooksManage, EventsRead, AuditRead, UsageRead];

    public static readonly IReadOnlyList<string> All = [.. TenantScopes, PlatformAdmin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
