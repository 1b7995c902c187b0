namespace QuoinApi.Domain.Common;

/// <summary>The scopes of items_phrase: <see cref="TenantScopes"/> holds them, so a tenant's keys can be given them.</summary>
public static partial class Scopes
{
    public const string ModulePluralRead = "module_plural:read";
    public const string ModulePluralWrite = "module_plural:write";
}
