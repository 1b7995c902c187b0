using System.Reflection;

namespace QuoinApi.Domain.Common;

/// <summary>
/// The permission scopes a credential can hold; the API publishes them to clients as they are. A module declares its
/// own in a part of this class of its own (<c>Scopes.Orders.cs</c>, written by <c>dotnet new quoinapi-module</c>), so
/// adding one edits no shared file: the lists below are every constant of the class.
/// </summary>
public static partial class Scopes
{
#if (IncludeProducts)
    public const string ProductsRead = "products:read";
    public const string ProductsWrite = "products:write";
#endif
    public const string KeysManage = "keys:manage";
#if (IncludeEvents)
    public const string WebhooksManage = "webhooks:manage";
    public const string EventsRead = "events:read";
#endif
    public const string AuditRead = "audit:read";
#if (IncludeRatePlans)
    public const string UsageRead = "usage:read";
#endif
    public const string PlatformAdmin = "platform:admin";

    /// <summary>Every scope a tenant's key can hold: all but platform administration.</summary>
    public static readonly IReadOnlyList<string> TenantScopes = [.. Declared().Where(scope => scope != PlatformAdmin)];

    public static readonly IReadOnlyList<string> All = [.. TenantScopes, PlatformAdmin];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    // Metadata order is declaration order, file by file in compilation order: stable from build to build, so the
    // published lists (the OpenAPI documents' enum) do not reorder.
    private static IEnumerable<string> Declared() =>
        typeof(Scopes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .OrderBy(field => field.MetadataToken)
            .Select(field => (string)field.GetRawConstantValue()!);
}
